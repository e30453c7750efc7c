package io.bokit.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A host application for bokit: one page listing the bookings that two demo feeds bring in. */
@SpringBootApplication
public class ExampleApplication {

    /** Starts the example on http://localhost:8080/. */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }
}
