package io.kefu.itest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs inside the Kefu framework: each test waits for the run's database (see
 * {@link KefuDatabase}) and reports its outcome on the console (see {@link OutcomeLines}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({OutcomeLines.class, KefuDatabase.class})
@interface KefuItest {
}
