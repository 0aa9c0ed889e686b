package io.trafficlab.system;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpelledChoices}: the playground's controls offer every value, as its
 * type spells it, wherever the playground is shown.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SpelledChoicesTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void playgroundShouldOfferEveryPolicyAndLoadBalancerModel() throws Exception {
		for (String uri : new String[] { "/", "/challenges/n3-passes-health-check" }) {
			String page = this.mvc.get().uri(uri).exchange().getResponse().getContentAsString();
			for (String policy : Spelled.spellings(TrafficPolicy.class)) {
				assertThat(page).as(uri).contains("name=\"value\" value=\"" + policy + "\"");
			}
			for (String model : Spelled.spellings(LoadBalancerModel.class)) {
				assertThat(page).as(uri).contains("name=\"model\" value=\"" + model + "\"");
			}
		}
	}

}
