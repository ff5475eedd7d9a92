package dev.istiolint.core.internal.schema;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The only resource loader the validator gets: it serves identifiers under {@link SchemaCatalog#BASE} from the
 * {@code schemas/} folder on the classpath and refuses everything else, remembering what it refused. Nothing is ever
 * fetched from a network or a file system.
 */
final class ClasspathSchemaLoader implements ResourceLoader {

  private final ClassLoader classLoader;
  private final String folder;
  private final List<String> refused = new ArrayList<>();

  ClasspathSchemaLoader(ClassLoader classLoader, String folder) {
    this.classLoader = classLoader;
    this.folder = folder;
  }

  @Override
  public InputStreamSource getResource(AbsoluteIri iri) {
    String s = iri.toString();
    if (!s.startsWith(SchemaCatalog.BASE)) {
      synchronized (refused) {
        refused.add(s);
      }
      return null;
    }
    String name = s.substring(SchemaCatalog.BASE.length());
    if (name.isEmpty() || name.contains("..") || name.contains("/") || !name.endsWith(".json")) {
      synchronized (refused) {
        refused.add(s);
      }
      return null;
    }
    String resource = folder + "/" + name;
    if (classLoader.getResource(resource) == null) {
      return null;
    }
    return () -> {
      InputStream in = classLoader.getResourceAsStream(resource);
      if (in == null) {
        throw new IOException("schema resource missing: " + resource);
      }
      return in;
    };
  }

  /** True (and remembered) for an identifier outside the shipped schemas: the schema loader must not even try it. */
  boolean blocks(AbsoluteIri iri) {
    if (iri.toString().startsWith(SchemaCatalog.BASE)) {
      return false;
    }
    synchronized (refused) {
      refused.add(iri.toString());
    }
    return true;
  }

  /** The identifiers this loader refused to serve, in order. */
  List<String> refused() {
    synchronized (refused) {
      return List.copyOf(refused);
    }
  }
}
