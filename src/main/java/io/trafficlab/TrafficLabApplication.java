package io.trafficlab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Traffic Lab: a visual sandbox that teaches how Kubernetes routes external traffic.
 */
@SpringBootApplication
public class TrafficLabApplication {

	public static void main(String[] args) {
		SpringApplication.run(TrafficLabApplication.class, args);
	}

}
