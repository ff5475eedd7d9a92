package dev.istiolint.core.internal.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The numbers of the YAML 1.2 core schema, recognised in one pass over the characters: decimal integers
 * ({@code [-+]?[0-9]+}), octal ({@code 0o[0-7]+}), hexadecimal ({@code 0x[0-9a-fA-F]+}), floats
 * ({@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}), infinities ({@code [-+]?\.(inf|Inf|INF)}) and
 * not-a-number ({@code \.(nan|NaN|NAN)}).
 */
final class CoreScalars {

  static final int NONE = 0;
  static final int INT = 1;
  static final int OCT = 2;
  static final int HEX = 3;
  static final int FLOAT = 4;
  static final int INF = 5;
  static final int NAN = 6;

  /** Integer literals longer than this are not parsed exactly (see {@link #number}). */
  static final int MAX_INTEGER_CHARS = 100;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private CoreScalars() {}

  /** Which form of number {@code v} is written in, or {@link #NONE}. */
  static int kind(String v) {
    int n = v.length();
    if (n == 0) {
      return NONE;
    }
    char c0 = v.charAt(0);
    if (c0 == '0' && n > 2 && (v.charAt(1) == 'o' || v.charAt(1) == 'x')) {
      boolean hex = v.charAt(1) == 'x';
      for (int i = 2; i < n; i++) {
        char c = v.charAt(i);
        boolean ok = hex ? isHexDigit(c) : c >= '0' && c <= '7';
        if (!ok) {
          return NONE;
        }
      }
      return hex ? HEX : OCT;
    }
    int i = c0 == '+' || c0 == '-' ? 1 : 0;
    if (i == n) {
      return NONE;
    }
    if (v.charAt(i) == '.') {
      int rest = n - i - 1;
      if (rest == 3 && !isDigit(v.charAt(i + 1))) {
        if (v.regionMatches(i + 1, "inf", 0, 3)
            || v.regionMatches(i + 1, "Inf", 0, 3)
            || v.regionMatches(i + 1, "INF", 0, 3)) {
          return INF;
        }
        if (i == 0
            && (v.regionMatches(1, "nan", 0, 3)
                || v.regionMatches(1, "NaN", 0, 3)
                || v.regionMatches(1, "NAN", 0, 3))) {
          return NAN;
        }
        return NONE;
      }
      int j = digits(v, i + 1);
      if (j == i + 1) {
        return NONE;
      }
      return exponentThenEnd(v, j) ? FLOAT : NONE;
    }
    int j = digits(v, i);
    if (j == i) {
      return NONE;
    }
    if (j == n) {
      return INT;
    }
    if (v.charAt(j) == '.') {
      j = digits(v, j + 1);
    }
    return exponentThenEnd(v, j) ? FLOAT : NONE;
  }

  /** True when {@code v} ends at {@code from} or has only an exponent ({@code [eE][-+]?[0-9]+}) from there. */
  private static boolean exponentThenEnd(String v, int from) {
    int n = v.length();
    if (from == n) {
      return true;
    }
    char e = v.charAt(from);
    if (e != 'e' && e != 'E') {
      return false;
    }
    int i = from + 1;
    if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
      i++;
    }
    int j = digits(v, i);
    return j > i && j == n;
  }

  private static int digits(String v, int from) {
    int i = from;
    while (i < v.length() && isDigit(v.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** The number {@code v} denotes, given its {@link #kind}; null for {@link #NONE}. */
  static JsonNode number(String v, int kind) {
    switch (kind) {
      case INT, OCT, HEX -> {
        if (v.length() > MAX_INTEGER_CHARS) {
          // far beyond every range; parsing millions of digits would take minutes (big-number parsing is
          // quadratic), so a power of ten of about the same size stands in for it
          BigInteger magnitude = BigInteger.TEN.pow(Math.min(v.length() - 1, MAX_INTEGER_CHARS));
          return F.numberNode(v.startsWith("-") ? magnitude.negate() : magnitude);
        }
        if (kind == INT) {
          return integer(v);
        }
        return integral(new BigInteger(v.substring(2), kind == OCT ? 8 : 16));
      }
      case FLOAT -> {
        // not BigDecimal: it throws on exponents beyond the int range (1e4000000000); this gives infinity or zero
        double d = Double.parseDouble(v);
        if (Double.isFinite(d) && Math.abs(d) >= 0x1p63) {
          // the schema validator reads minimum and maximum through asLong(), which throws beyond the long range;
          // a double this large is a whole number, so it is given as one
          return F.numberNode(new BigDecimal(d).toBigInteger());
        }
        return F.numberNode(d);
      }
      case INF -> {
        return F.numberNode(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
      }
      case NAN -> {
        return F.numberNode(Double.NaN);
      }
      default -> {
        return null;
      }
    }
  }

  /** A decimal integer: up to 18 digits without big-number arithmetic. */
  private static JsonNode integer(String v) {
    int start = v.charAt(0) == '+' || v.charAt(0) == '-' ? 1 : 0;
    if (v.length() - start > 18) {
      return integral(new BigInteger(v.charAt(0) == '+' ? v.substring(1) : v));
    }
    long x = 0;
    for (int i = start; i < v.length(); i++) {
      x = x * 10 + (v.charAt(i) - '0');
    }
    if (v.charAt(0) == '-') {
      x = -x;
    }
    return x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE ? F.numberNode((int) x) : F.numberNode(x);
  }

  private static JsonNode integral(BigInteger b) {
    if (b.bitLength() < 32) {
      return F.numberNode(b.intValue());
    }
    return b.bitLength() < 64 ? F.numberNode(b.longValue()) : F.numberNode(b);
  }
}
