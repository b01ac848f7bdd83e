package dev.backman.sqlite;

import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Jdbi's default parser (named {@code :params}) loads an ANTLR lexer, about a hundred classes, on the first statement
 * of every run. This catalog's SQL only uses {@code ?} parameters and never has a {@code ?} inside a string literal,
 * so a plain scan does.
 */
final class PositionalSqlParser implements SqlParser {

    @Override
    public ParsedSql parse(String sql, StatementContext ctx) {
        ParsedSql.Builder parsed = ParsedSql.builder();
        int from = 0;
        for (int mark = sql.indexOf('?'); mark >= 0; mark = sql.indexOf('?', from)) {
            parsed.append(sql.substring(from, mark)).appendPositionalParameter();
            from = mark + 1;
        }
        return parsed.append(sql.substring(from)).build();
    }

    @Override
    public String nameParameter(String rawName, StatementContext ctx) {
        return "?";
    }
}
