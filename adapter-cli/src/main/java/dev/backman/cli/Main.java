package dev.backman.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The {@code backman} executable: runs one command line and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // No bytecode generation: backman uses no AOP, and it keeps JDK 23+ from warning about Unsafe.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
        StartupWarmUp.begin();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = new BackmanCli(out, err, Path.of("").toAbsolutePath()).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
