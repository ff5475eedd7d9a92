package dev.istiolint.bench;

import java.nio.charset.StandardCharsets;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;

/** The baseline: snakeyaml-engine's event parser over a file, nothing built, marks on (as the loader needs them). */
final class RawParse {

  private RawParse() {}

  /** The number of events and of documents in one file, as {@code {events, documents}}. */
  static long[] parse(String label, byte[] content) {
    LoadSettings settings = LoadSettings.builder().setLabel(label).setUseMarks(true).build();
    long events = 0;
    long documents = 0;
    for (Event e : new Parse(settings).parseString(new String(content, StandardCharsets.UTF_8))) {
      events++;
      if (e instanceof DocumentStartEvent) {
        documents++;
      }
    }
    return new long[] {events, documents};
  }
}
