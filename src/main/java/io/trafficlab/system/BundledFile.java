package io.trafficlab.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A YAML file bundled with the app (a preset, an example, a lesson, a challenge): its
 * file name and its text.
 *
 * @param fileName the file's name, with {@code .yaml}
 * @param text the file, read as UTF-8
 */
public record BundledFile(String fileName, String text) {

	/**
	 * Every file a Spring resource pattern such as {@code classpath*:presets/*.yaml}
	 * finds, in the order the classpath lists them.
	 * @throws UncheckedIOException when the files cannot be listed or one cannot be read
	 */
	public static List<BundledFile> all(String location) {
		Resource[] resources;
		try {
			resources = new PathMatchingResourcePatternResolver().getResources(location);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + location, ex);
		}
		List<BundledFile> files = new ArrayList<>();
		for (Resource resource : resources) {
			String fileName = String.valueOf(resource.getFilename());
			try (InputStream in = resource.getInputStream()) {
				files.add(new BundledFile(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read " + fileName + " (" + location + ")", ex);
			}
		}
		return files;
	}

	/** The file name without {@code .yaml}: the name a URL gives it by. */
	public String name() {
		return this.fileName.replaceFirst("\\.yaml$", "");
	}

	/**
	 * The value of the text's first {@code # key: value} comment line, or
	 * {@code fallback} without one.
	 */
	public String comment(String key, String fallback) {
		Matcher matcher = Pattern.compile("^#\\s*" + Pattern.quote(key) + ":\\s*(.+?)\\s*$", Pattern.MULTILINE)
			.matcher(this.text);
		return matcher.find() ? matcher.group(1) : fallback;
	}

}
