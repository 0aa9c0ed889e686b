package io.trafficlab.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ManifestRequestBody}.
 */
class ManifestRequestBodyTests {

	@Test
	void readAtMostWhenBodyFitsShouldReturnIt() throws IOException {
		assertThat(ManifestRequestBody.readAtMost(new ByteArrayInputStream(new byte[10]), 10)).hasSize(10);
	}

	@Test
	void readAtMostWhenBodyIsOneByteOverShouldThrowBodyTooLarge() {
		assertThatExceptionOfType(BodyTooLargeException.class)
			.isThrownBy(() -> ManifestRequestBody.readAtMost(new ByteArrayInputStream(new byte[11]), 10))
			.withMessage("The request body is over the 16 MiB limit.");
	}

	@Test
	void readAtMostWhenStreamIsEndlessShouldStopAfterTheLimit() {
		InputStream endless = new InputStream() {

			@Override
			public int read() {
				return '#';
			}

		};
		assertThatExceptionOfType(BodyTooLargeException.class)
			.isThrownBy(() -> ManifestRequestBody.readAtMost(endless, 1024));
	}

	@Test
	void readAtMostWhenBodyIsEmptyShouldThrowInvalidRequest() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> ManifestRequestBody.readAtMost(new ByteArrayInputStream(new byte[0]), 10))
			.withMessageContaining("empty");
	}

}
