package io.trafficlab.system;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.UnknownValueException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.ser.Serializers;

import org.springframework.stereotype.Component;

/**
 * Writes and reads every {@link Spelled} value by its spelling ({@code "Local"},
 * {@code "weighted"}), as a value or a map key: the stream's snapshots, events and
 * statistics, the JSON API and permalinks all spell an engine value the way its type
 * does. Spring's JSON mapper picks the module up as a bean; a mapper of its own adds it
 * with {@code addModule(new SpelledValuesModule())}. Reading text no constant is spelled
 * fails with an {@link UnknownValueException} (the cause of Jackson's exception) that
 * names the field and the spellings allowed.
 */
@Component
public class SpelledValuesModule extends JacksonModule {

	@Override
	public String getModuleName() {
		return "traffic-lab-spelled-values";
	}

	@Override
	public Version version() {
		return Version.unknownVersion();
	}

	@Override
	public void setupModule(SetupContext context) {
		context.addSerializers(new SpelledSerializers(new SpellingWriter()));
		context.addKeySerializers(new SpelledSerializers(new SpellingKeyWriter()));
		context.addDeserializers(new SpelledDeserializers());
		context.addKeyDeserializers((type, config, description) -> isSpelled(type.getRawClass())
				? new SpellingKeyReader(type.getRawClass()) : null);
	}

	private static boolean isSpelled(Class<?> type) {
		return Spelled.class.isAssignableFrom(type) && type.isEnum();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object parse(Class<?> type, String field, @Nullable String text) {
		return Spelled.parse((Class) type, field, text);
	}

	private static final class SpelledSerializers extends Serializers.Base {

		private final ValueSerializer<Spelled> writer;

		SpelledSerializers(ValueSerializer<Spelled> writer) {
			this.writer = writer;
		}

		@Override
		public @Nullable ValueSerializer<?> findSerializer(SerializationConfig config, JavaType type,
				BeanDescription.Supplier description, JsonFormat.Value format) {
			return Spelled.class.isAssignableFrom(type.getRawClass()) ? this.writer : null;
		}

		@Override
		public @Nullable ValueSerializer<?> findEnumSerializer(SerializationConfig config, JavaType type,
				BeanDescription.Supplier description, JsonFormat.Value format) {
			return findSerializer(config, type, description, format);
		}

	}

	private static final class SpellingWriter extends ValueSerializer<Spelled> {

		@Override
		public void serialize(Spelled value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(value.apiName());
		}

	}

	private static final class SpellingKeyWriter extends ValueSerializer<Spelled> {

		@Override
		public void serialize(Spelled value, JsonGenerator generator, SerializationContext context) {
			generator.writeName(value.apiName());
		}

	}

	private static final class SpelledDeserializers extends Deserializers.Base {

		@Override
		public @Nullable ValueDeserializer<?> findEnumDeserializer(JavaType type, DeserializationConfig config,
				BeanDescription.Supplier description) {
			return isSpelled(type.getRawClass()) ? new SpellingReader(type.getRawClass()) : null;
		}

		@Override
		public boolean hasDeserializerFor(DeserializationConfig config, Class<?> type) {
			return isSpelled(type);
		}

	}

	private static final class SpellingReader extends ValueDeserializer<Object> {

		private final Class<?> type;

		SpellingReader(Class<?> type) {
			this.type = type;
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return context.handleUnexpectedToken(this.type, parser);
			}
			String field = (parser.currentName() != null) ? parser.currentName() : this.type.getSimpleName();
			// an UnknownValueException reaches the caller as the cause of Jackson's
			return parse(this.type, field, parser.getString());
		}

	}

	private static final class SpellingKeyReader extends KeyDeserializer {

		private final Class<?> type;

		SpellingKeyReader(Class<?> type) {
			this.type = type;
		}

		@Override
		public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
			try {
				return parse(this.type, this.type.getSimpleName(), key);
			}
			catch (UnknownValueException ex) {
				return context.handleWeirdKey(this.type, key, ex.getMessage());
			}
		}

	}

}
