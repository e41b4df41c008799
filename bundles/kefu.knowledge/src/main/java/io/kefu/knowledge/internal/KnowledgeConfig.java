package io.kefu.knowledge.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code kefu.knowledge}, in {@code conf/kefu.knowledge.cfg}; optional (the defaults suit a
 * single runtime). A change restarts the knowledge components, which rebuilds the index.
 */
@ObjectClassDefinition(name = "Kefu knowledge base", description = "Where the search index lives and how large an import may be")
@interface KnowledgeConfig {
    String MEMORY = "memory";

    @AttributeDefinition(description = "Folder of the search index, relative to the Kefu home: it is rebuilt from the"
            + " database at every start, so it is a cache that keeps the index off the Java heap. 'memory' keeps the"
            + " index on the heap instead.")
    String indexDirectory() default "data/knowledge-index";

    @AttributeDefinition(description = "Largest import file accepted, in bytes; larger ones are refused with 413.", min = "1")
    long maxImportBytes() default 10L * 1024 * 1024;

    @AttributeDefinition(description = "Most articles in one import; more are refused with 413.", min = "1")
    int maxImportRows() default 10_000;
}
