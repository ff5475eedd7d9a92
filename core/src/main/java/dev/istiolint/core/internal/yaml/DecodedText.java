package dev.istiolint.core.internal.yaml;

import dev.istiolint.core.diag.Diagnostic;
import java.util.List;

/**
 * The text of a file after strict decoding, ready for the parser.
 *
 * @param text the characters (byte order marks at line starts removed, forbidden characters replaced by U+FFFD);
 *     empty when {@code refused}
 * @param restartLines 0-based lines where a new document starts ({@code ---} lines and lines after {@code ...})
 * @param restartOffsets the char offset in {@code text} of each of {@code restartLines}
 * @param problems encoding problems, with their lines
 * @param refused true when the bytes could not be decoded at all (the file is not read further)
 * @param templateLine 1-based line of the first template action (two opening braces), or 0 when there is none
 * @param templateColumn 1-based column of that template action
 */
record DecodedText(
    String text,
    int[] restartLines,
    int[] restartOffsets,
    List<Diagnostic> problems,
    boolean refused,
    int templateLine,
    int templateColumn) {

  DecodedText {
    problems = List.copyOf(problems);
  }
}
