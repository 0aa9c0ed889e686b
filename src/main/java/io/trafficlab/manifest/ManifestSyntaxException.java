package io.trafficlab.manifest;

/**
 * The body is not YAML or JSON; the message names the line and column.
 */
public class ManifestSyntaxException extends RuntimeException {

	private final int line;

	private final int column;

	public ManifestSyntaxException(String message, int line, int column) {
		super(message);
		this.line = line;
		this.column = column;
	}

	/** 1-based line of the error. */
	public int line() {
		return this.line;
	}

	/** 1-based column of the error. */
	public int column() {
		return this.column;
	}

}
