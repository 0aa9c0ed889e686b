package io.trafficlab.room;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The rooms' settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RoomProperties.class, RoomJoinProperties.class })
class RoomConfiguration {

}
