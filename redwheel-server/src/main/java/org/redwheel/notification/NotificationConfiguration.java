package org.redwheel.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    @ConditionalOnMissingBean(SmsGateway.class)
    SmsGateway loggingSmsGateway() {
        return new LoggingSmsGateway();
    }
}
