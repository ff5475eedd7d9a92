package dev.istiolint.core.internal.yaml;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.source.SourceSpan;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Strict decoding of a file's bytes, in one pass: detects the encoding from the byte order mark (or refuses UTF-16/32
 * without one), validates UTF-8, reports invalid bytes, NUL and control characters with their line, drops byte order
 * marks at the start of any line (a later document may start with one), and records where documents start. Lines
 * end at LF, CR LF or a lone CR, as the parser counts them.
 */
final class TextDecoder {

  /** At most this many encoding findings per file; the rest are summed up in the last one. */
  static final int MAX_FINDINGS = 20;

  private final String file;
  private final StringBuilder out;
  private final List<Diagnostic> problems = new ArrayList<>();
  private int suppressed;
  private int line; // 0-based
  private int column; // 0-based, code points
  private int lineStart; // char offset of the current line
  private int lastProblemLine = -1;
  private boolean afterCr;
  private boolean restartAtNextLine;
  private int[] restartLines = new int[16];
  private int[] restartOffsets = new int[16];
  private int restarts;
  private int previous = -1;
  private boolean inComment;
  private int templateLine;
  private int templateColumn;

  private TextDecoder(String file, int capacity) {
    this.file = file;
    this.out = new StringBuilder(capacity);
  }

  static DecodedText decode(String file, byte[] bytes) {
    int n = bytes.length;
    if (n >= 4 && bytes[0] == 0 && bytes[1] == 0 && (bytes[2] & 0xFF) == 0xFE && (bytes[3] & 0xFF) == 0xFF) {
      return decodeWide(file, bytes, 4, Charset.forName("UTF-32BE"), "UTF-32BE");
    }
    if (n >= 4 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE && bytes[2] == 0 && bytes[3] == 0) {
      return decodeWide(file, bytes, 4, Charset.forName("UTF-32LE"), "UTF-32LE");
    }
    if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return decodeWide(file, bytes, 2, StandardCharsets.UTF_16BE, "UTF-16BE");
    }
    if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return decodeWide(file, bytes, 2, StandardCharsets.UTF_16LE, "UTF-16LE");
    }
    String withoutBom = guessWideWithoutBom(bytes);
    if (withoutBom != null) {
      return refused(
          file,
          "the file looks like "
              + withoutBom
              + " text without a byte order mark; save it as UTF-8 (the encoding Kubernetes expects)");
    }
    DecodedText plain = ascii(bytes);
    return plain != null ? plain : utf8(file, bytes);
  }

  /** The general path: every code point checked and appended one at a time. */
  static DecodedText utf8(String file, byte[] bytes) {
    TextDecoder d = new TextDecoder(file, bytes.length);
    d.utf8(bytes);
    return d.finish();
  }

  /**
   * The common case, in a tight loop over the bytes: printable ASCII, tabs and LF line ends only, so the text is the
   * bytes as they are and there is nothing to report. Finds the same document starts and first template action as
   * the general path; null for any other input.
   */
  static DecodedText ascii(byte[] b) {
    int n = b.length;
    for (int i = 0; i < n; i++) {
      int c = b[i]; // negative for every byte of a multi-byte UTF-8 sequence
      if (c < 0x20 ? c != '\n' && c != '\t' : c == 0x7F) {
        return null;
      }
    }
    int[] restartLines = new int[16];
    int[] restartOffsets = new int[16];
    int restarts = 0;
    int templateLine = 0;
    int templateColumn = 0;
    boolean restartHere = false; // the previous line was "..."
    int line = 0;
    for (int start = 0; start <= n; line++) {
      int end = start;
      while (end < n && b[end] != '\n') {
        end++;
      }
      // a "..." line restarts at the next line, a "---" line at itself: both may name one line, as in the general path
      boolean afterEnd = restartHere;
      restartHere = false;
      boolean directivesEnd = false;
      int len = end - start;
      if (len >= 3) {
        byte c0 = b[start];
        if ((c0 == '-' || c0 == '.')
            && b[start + 1] == c0
            && b[start + 2] == c0
            && (len == 3 || b[start + 3] == ' ' || b[start + 3] == '\t')) {
          if (c0 == '-') {
            directivesEnd = true;
          } else {
            restartHere = end < n; // the general path marks the next line only when there is one
          }
        }
      }
      for (int k = (afterEnd ? 1 : 0) + (directivesEnd ? 1 : 0); k > 0; k--) {
        if (restarts == restartLines.length) {
          restartLines = Arrays.copyOf(restartLines, restarts * 2);
          restartOffsets = Arrays.copyOf(restartOffsets, restarts * 2);
        }
        restartLines[restarts] = line;
        restartOffsets[restarts] = start;
        restarts++;
      }
      if (templateLine == 0) {
        int previous = -1;
        for (int i = start; i < end; i++) {
          int c = b[i];
          if (c == '#' && (previous == -1 || previous == ' ' || previous == '\t')) {
            break; // the rest of the line is a comment: a {{ there is no template action
          }
          if (c == '{' && previous == '{') {
            templateLine = line + 1;
            templateColumn = i - start;
            break;
          }
          previous = c;
        }
      }
      if (end == n) {
        break;
      }
      start = end + 1;
    }
    return new DecodedText(
        new String(b, 0, n, StandardCharsets.ISO_8859_1),
        Arrays.copyOf(restartLines, restarts),
        Arrays.copyOf(restartOffsets, restarts),
        List.of(),
        false,
        templateLine,
        templateColumn);
  }

  /** The YAML spec's detection by the NUL pattern of the first character, for files without a byte order mark. */
  private static String guessWideWithoutBom(byte[] b) {
    if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
      return "UTF-32BE";
    }
    if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
      return "UTF-32LE";
    }
    if (b.length >= 2 && b[0] == 0 && b[1] != 0) {
      return "UTF-16BE";
    }
    if (b.length >= 2 && b[0] != 0 && b[1] == 0) {
      return "UTF-16LE";
    }
    return null;
  }

  private static DecodedText decodeWide(String file, byte[] bytes, int bomLength, Charset charset, String name) {
    String text;
    try {
      text =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, bomLength, bytes.length - bomLength))
              .toString();
    } catch (CharacterCodingException e) {
      return refused(
          file,
          "the file starts with a "
              + name
              + " byte order mark but is not valid "
              + name
              + "; save it as UTF-8 (the encoding Kubernetes expects)");
    }
    TextDecoder d = new TextDecoder(file, text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      d.append(cp);
    }
    return d.finish();
  }

  private static DecodedText refused(String file, String message) {
    Diagnostic d =
        new Diagnostic(
            CoreRules.INVALID_ENCODING,
            CoreRules.INVALID_ENCODING.defaultSeverity(),
            message,
            SourceSpan.startOf(file),
            Optional.empty(),
            List.of());
    return new DecodedText("", new int[0], new int[0], List.of(d), true, 0, 0);
  }

  private void utf8(byte[] b) {
    int n = b.length;
    int i = 0;
    while (i < n) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        append(c);
        i++;
        continue;
      }
      int need;
      int min;
      int max = 0xBF;
      int cp;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
        cp = c & 0x1F;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        min = c == 0xE0 ? 0xA0 : 0x80;
        max = c == 0xED ? 0x9F : 0xBF;
        cp = c & 0x0F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        min = c == 0xF0 ? 0x90 : 0x80;
        max = c == 0xF4 ? 0x8F : 0xBF;
        cp = c & 0x07;
      } else {
        invalidByte(c);
        i++;
        continue;
      }
      int j = i + 1;
      boolean ok = true;
      for (int k = 0; k < need; k++, j++) {
        int lo = k == 0 ? min : 0x80;
        int hi = k == 0 ? max : 0xBF;
        if (j >= n || (b[j] & 0xFF) < lo || (b[j] & 0xFF) > hi) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (b[j] & 0x3F);
      }
      if (ok) {
        append(cp);
      } else {
        invalidByte(c);
      }
      i = j;
    }
  }

  private void invalidByte(int b) {
    report(String.format("invalid UTF-8 byte 0x%02X; the file must be UTF-8 (it was read with a replacement character)", b));
    emit(0xFFFD);
  }

  /** Appends one decoded code point, checking it and tracking lines. */
  private void append(int cp) {
    if (cp == '\n') {
      if (afterCr) {
        out.append('\n');
        lineStart = out.length();
        afterCr = false;
        if (restarts > 0 && restartLines[restarts - 1] == line && restartOffsets[restarts - 1] == lineStart - 1) {
          restartOffsets[restarts - 1] = lineStart; // the line after "..." starts after the whole CR LF
        }
        return;
      }
      endLine();
      out.append('\n');
      newLine();
      return;
    }
    afterCr = false;
    if (cp == '\r') {
      endLine();
      out.append('\r');
      newLine();
      afterCr = true;
      return;
    }
    if (cp == 0xFEFF && out.length() == lineStart) {
      return; // a byte order mark starts the file or a document: never content
    }
    if (!printable(cp)) {
      report(
          cp == 0
              ? "NUL character; a manifest is text and cannot contain NUL (it was read as a replacement character)"
              : String.format(
                  "control character U+%04X is not allowed in YAML (it was read as a replacement character)", cp));
      emit(0xFFFD);
      return;
    }
    emit(cp);
  }

  private void emit(int cp) {
    if (cp == '#' && (previous == -1 || previous == ' ' || previous == '\t')) {
      inComment = true; // a {{ in a comment is no template action
    }
    if (cp == '{' && previous == '{' && templateLine == 0 && !inComment) {
      templateLine = line + 1;
      templateColumn = column; // 1-based column of the first brace of the pair
    }
    afterCr = false;
    previous = cp;
    out.appendCodePoint(cp);
    column++;
  }

  private void endLine() {
    int len = out.length() - lineStart;
    if (len >= 3) {
      char c0 = out.charAt(lineStart);
      if ((c0 == '-' || c0 == '.')
          && out.charAt(lineStart + 1) == c0
          && out.charAt(lineStart + 2) == c0
          && (len == 3 || out.charAt(lineStart + 3) == ' ' || out.charAt(lineStart + 3) == '\t')) {
        if (c0 == '-') {
          addRestart(line, lineStart);
        } else {
          restartAtNextLine = true;
        }
      }
    }
  }

  private void newLine() {
    line++;
    column = 0;
    previous = -1;
    inComment = false;
    lineStart = out.length();
    if (restartAtNextLine) {
      restartAtNextLine = false;
      addRestart(line, lineStart);
    }
  }

  private void addRestart(int atLine, int offset) {
    if (restarts == restartLines.length) {
      restartLines = Arrays.copyOf(restartLines, restarts * 2);
      restartOffsets = Arrays.copyOf(restartOffsets, restarts * 2);
    }
    restartLines[restarts] = atLine;
    restartOffsets[restarts] = offset;
    restarts++;
  }

  private void report(String message) {
    if (line == lastProblemLine) {
      return; // one finding per line is enough
    }
    lastProblemLine = line;
    if (problems.size() >= MAX_FINDINGS) {
      suppressed++;
      return;
    }
    problems.add(
        new Diagnostic(
            CoreRules.INVALID_ENCODING,
            CoreRules.INVALID_ENCODING.defaultSeverity(),
            message,
            SourceSpan.at(file, line + 1, column + 1),
            Optional.empty(),
            List.of()));
  }

  private DecodedText finish() {
    endLine();
    if (suppressed > 0) {
      Diagnostic last = problems.get(problems.size() - 1);
      problems.set(
          problems.size() - 1,
          new Diagnostic(
              last.rule(),
              last.severity(),
              last.message() + "; " + suppressed + " more lines have encoding problems",
              last.span(),
              Optional.empty(),
              List.of()));
    }
    return new DecodedText(
        out.toString(),
        Arrays.copyOf(restartLines, restarts),
        Arrays.copyOf(restartOffsets, restarts),
        problems,
        false,
        templateLine,
        templateColumn);
  }

  /** The characters the YAML parser accepts (YAML 1.2 c-printable). */
  private static boolean printable(int cp) {
    return cp == 0x9
        || (cp >= 0x20 && cp <= 0x7E)
        || cp == 0x85
        || (cp >= 0xA0 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
