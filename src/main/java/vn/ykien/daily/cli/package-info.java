/** The module's commands for the `ykien` command line, exposed to the root command. */
@NullMarked
@NamedInterface("cli")
package vn.ykien.daily.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
