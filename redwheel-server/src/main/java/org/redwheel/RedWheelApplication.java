package org.redwheel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** RedWheel (红色方向盘): the county platform for freight drivers, as one modular monolith. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "RedWheel")
public class RedWheelApplication {

    public static void main(String[] args) {
        SpringApplication.run(RedWheelApplication.class, args);
    }
}
