package dev.backman.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import org.jdbi.v3.core.statement.ParsedSql;
import org.junit.jupiter.api.Test;

class PositionalSqlParserTest {
    private final PositionalSqlParser parser = new PositionalSqlParser();

    @Test
    void everyQuestionMarkIsAPositionalParameter() {
        ParsedSql parsed = parser.parse("INSERT INTO t (a, b) VALUES (?, ?)", null);

        assertThat(parsed.getSql()).isEqualTo("INSERT INTO t (a, b) VALUES (?, ?)");
        assertThat(parsed.getParameters().isPositional()).isTrue();
        assertThat(parsed.getParameters().getParameterCount()).isEqualTo(2);
    }

    @Test
    void sqlWithoutParametersIsKeptAsIs() {
        ParsedSql parsed = parser.parse("PRAGMA user_version = 1", null);

        assertThat(parsed.getSql()).isEqualTo("PRAGMA user_version = 1");
        assertThat(parsed.getParameters().getParameterCount()).isZero();
    }
}
