/**
 * Where the data lives: an external PostgreSQL when one is configured, otherwise a real
 * PostgreSQL server started from Maven artifacts in a local data directory.
 */
@NullMarked
@ApplicationModule(displayName = "Database", allowedDependencies = {})
package vn.ykien.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
