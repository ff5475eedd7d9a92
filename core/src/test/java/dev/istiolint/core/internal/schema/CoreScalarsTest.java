package dev.istiolint.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class CoreScalarsTest {

  // the regular expressions of the YAML 1.2 core schema, as the converter used them before the scanner
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCT = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static final List<String> EDGES =
      List.of(
          "", "0", "-0", "+0", "00", "007", "42", "+42", "-42", "1_000", "2147483647", "2147483648", "-2147483648",
          "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
          "-9223372036854775809", "999999999999999999", "1000000000000000000", "-999999999999999999",
          "12345678901234567890123", "0o", "0o7", "0o17", "0o8", "0O17", "-0o17", "+0o1", "0x", "0x1F", "0xff", "0XFF",
          "0xg", "-0x1", "0x7fffffffffffffff", "0x8000000000000000", "0o1777777777777777777777", ".", "-", "+", "+.",
          "-.", ".5", "-.5", "+.5", "5.", "-5.", "1.5", "1.5e3", "1.5E-3", "1e5", "1E+5", "1e", "1e+", "1e-", "e5",
          ".e5", "1.e5", "1..5", "1.5.5", "1.5e3.1", "1e400", "-1e400", "1e-400", "1e4000000000", "9.3e18", "-9.3e18",
          "9.2e18", "1e19", "123456789012345678901234567890.5", ".inf", ".Inf", ".INF", ".iNf", "-.inf", "+.Inf",
          "--.inf", "inf", ".infinity", ".nan", ".NaN", ".NAN", ".Nan", "-.nan", "+.nan", "nan", ".na", ".nann",
          "1 ", " 1", "1a", "a1", "true", "null", "~", "1:30", "1,000", "١٢", "0x١", "0.0", "-0.0", "1.0e0",
          "0000000000000000000000000000001", "1.5d", "1.5f", "0x1p3", "NaN", "Infinity", "1e5L", "v1", "80", "8080",
          "65536", "-1", "+1.", "5e-324", "1.7976931348623157e308", "1.8e308");

  @Test
  void theScannerClassifiesLikeTheRegularExpressionsOnEdgeInputs() {
    for (String v : EDGES) {
      assertThat(CoreScalars.kind(v)).as(v).isEqualTo(regexKind(v));
    }
  }

  @Test
  void theScannerClassifiesLikeTheRegularExpressionsOnRandomInputs() {
    Random r = new Random(8);
    String alphabet = "0123456789+-.eExXoOabfnNiIAF_ ";
    for (int n = 0; n < 200_000; n++) {
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(9);
      for (int i = 0; i < len; i++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String v = b.toString();
      assertThat(CoreScalars.kind(v)).as(v).isEqualTo(regexKind(v));
    }
  }

  @Test
  void numbersAreTheSameNodesAsBefore() {
    List<String> inputs = new ArrayList<>(EDGES);
    inputs.add("1".repeat(100));
    inputs.add("1".repeat(101));
    inputs.add("-" + "1".repeat(100));
    inputs.add("0x" + "f".repeat(99));
    inputs.add("0o" + "7".repeat(120));
    inputs.add("-" + "9".repeat(18));
    inputs.add("9".repeat(19));
    for (String v : inputs) {
      JsonNode now = CoreScalars.number(v, CoreScalars.kind(v));
      JsonNode before = regexNumber(v);
      if (before == null) {
        assertThat(now).as(v).isNull();
      } else {
        assertThat(now).as(v).isNotNull();
        assertThat(now.getClass()).as(v).isEqualTo(before.getClass());
        assertThat(now.toString()).as(v).isEqualTo(before.toString());
      }
    }
  }

  private static int regexKind(String v) {
    if (INT.matcher(v).matches()) {
      return CoreScalars.INT;
    }
    if (OCT.matcher(v).matches()) {
      return CoreScalars.OCT;
    }
    if (HEX.matcher(v).matches()) {
      return CoreScalars.HEX;
    }
    if (FLOAT.matcher(v).matches()) {
      return CoreScalars.FLOAT;
    }
    if (INF.matcher(v).matches()) {
      return CoreScalars.INF;
    }
    return NAN.matcher(v).matches() ? CoreScalars.NAN : CoreScalars.NONE;
  }

  /** The conversion as it was written with the regular expressions. */
  private static JsonNode regexNumber(String v) {
    boolean integer = INT.matcher(v).matches();
    if ((integer || OCT.matcher(v).matches() || HEX.matcher(v).matches()) && v.length() > 100) {
      BigInteger magnitude = BigInteger.TEN.pow(Math.min(v.length() - 1, 100));
      return F.numberNode(v.startsWith("-") ? magnitude.negate() : magnitude);
    }
    if (integer) {
      return integral(new BigInteger(v.startsWith("+") ? v.substring(1) : v));
    }
    if (OCT.matcher(v).matches()) {
      return integral(new BigInteger(v.substring(2), 8));
    }
    if (HEX.matcher(v).matches()) {
      return integral(new BigInteger(v.substring(2), 16));
    }
    if (FLOAT.matcher(v).matches()) {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d) && Math.abs(d) >= 0x1p63) {
        return F.numberNode(new BigDecimal(d).toBigInteger());
      }
      return F.numberNode(d);
    }
    if (NAN.matcher(v).matches()) {
      return F.numberNode(Double.NaN);
    }
    if (INF.matcher(v).matches()) {
      return F.numberNode(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    return null;
  }

  private static JsonNode integral(BigInteger b) {
    if (b.bitLength() < 32) {
      return F.numberNode(b.intValue());
    }
    return b.bitLength() < 64 ? F.numberNode(b.longValue()) : F.numberNode(b);
  }
}
