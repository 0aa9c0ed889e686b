# Multi-stage build of Traffic Lab. Not built on the project's own machines (they have no Docker engine);
# see README, "Docker".

# Build stage: JDK, Maven wrapper, and Node.js for the frontend bundle.
FROM eclipse-temurin:17-jdk AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm unzip \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY frontend/package.json frontend/package-lock.json frontend/
RUN ./mvnw -B -q dependency:go-offline -Dexec.skip=true || true
COPY frontend frontend
COPY src src
RUN ./mvnw -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/traffic-lab-*.jar extract --layers --launcher --destination /layers

# Run stage: a JRE and the app's layers, as a non-root user.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 trafficlab
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER trafficlab
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
