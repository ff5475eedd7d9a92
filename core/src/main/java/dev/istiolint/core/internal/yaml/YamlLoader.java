package dev.istiolint.core.internal.yaml;

import dev.istiolint.core.diag.Diagnostic;
import dev.istiolint.core.rule.CoreRules;
import dev.istiolint.core.source.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads the documents of one file into {@link YNode} trees with 1-based spans. */
public final class YamlLoader {

  public LoadedFile load(String displayPath, byte[] content) {
    List<YDocument> docs = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    LoadSettings settings = LoadSettings.builder().setLabel(displayPath).setUseMarks(true).build();
    try {
      int index = 0;
      for (Node node : new Compose(settings).composeAllFromString(new String(content, StandardCharsets.UTF_8))) {
        if (node != null) {
          docs.add(new YDocument(displayPath, index++, convert(displayPath, node)));
        }
      }
    } catch (RuntimeException e) {
      problems.add(
          new Diagnostic(
              CoreRules.SYNTAX_ERROR,
              CoreRules.SYNTAX_ERROR.defaultSeverity(),
              String.valueOf(e.getMessage()),
              SourceSpan.startOf(displayPath),
              Optional.empty(),
              List.of()));
    }
    return new LoadedFile(docs, problems);
  }

  private static YNode convert(String file, Node node) {
    SourceSpan span = span(file, node);
    if (node instanceof MappingNode m) {
      List<YMap.Entry> entries = new ArrayList<>();
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode) {
          entries.add(new YMap.Entry((YScalar) convert(file, t.getKeyNode()), convert(file, t.getValueNode())));
        }
      }
      return new YMap(entries, span);
    }
    if (node instanceof SequenceNode s) {
      return new YSeq(s.getValue().stream().map(n -> convert(file, n)).toList(), span);
    }
    ScalarNode s = (ScalarNode) node;
    return new YScalar(s.getValue(), s.isPlain(), Optional.empty(), span);
  }

  private static SourceSpan span(String file, Node node) {
    Mark start = node.getStartMark().orElseThrow();
    Mark end = node.getEndMark().orElse(start);
    return new SourceSpan(file, start.getLine() + 1, start.getColumn() + 1, end.getLine() + 1, end.getColumn() + 1);
  }
}
