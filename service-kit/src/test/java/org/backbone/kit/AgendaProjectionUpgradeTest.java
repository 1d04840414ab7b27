package org.backbone.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The kit migration that creates the agenda projection adopts measurement-service's own projection
 * (tables initiative, partner, goal beside indicator) row for row, and drops it. Run in a schema of
 * its own, as Flyway would run it on an upgraded measurement database.
 */
@QuarkusTest
class AgendaProjectionUpgradeTest {

    @Inject
    @DataSource("kit")
    AgroalDataSource db;

    interface Steps {
        void run(Statement sql, String schema, String migration) throws Exception;
    }

    /** Runs {@code steps} in a schema of its own, dropped afterwards. */
    private void inScratchSchema(Steps steps) throws Exception {
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "");
        String migration = new String(getClass().getClassLoader()
                .getResourceAsStream("db/kit/V6__agenda_projection.sql").readAllBytes(), StandardCharsets.UTF_8);
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
            try {
                sql.execute("SET search_path TO " + schema);
                steps.run(sql, schema, migration);
            } finally {
                sql.execute("SET search_path TO public");
                sql.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void anUpgradedMeasurementDatabaseKeepsEveryMembershipAndGoal() throws Exception {
        inScratchSchema((sql, schema, migration) -> {
                // measurement-service's V2 projection and its indicator table, with rows
                sql.execute("CREATE TABLE initiative (id UUID PRIMARY KEY, name TEXT NOT NULL, as_of TIMESTAMPTZ NOT NULL);"
                        + "CREATE TABLE partner (initiative_id UUID NOT NULL, organisation_id UUID NOT NULL, name TEXT, "
                        + "sector TEXT, role TEXT, current BOOLEAN NOT NULL, as_of TIMESTAMPTZ NOT NULL, "
                        + "PRIMARY KEY (initiative_id, organisation_id));"
                        + "CREATE TABLE goal (initiative_id UUID NOT NULL, id UUID NOT NULL, title TEXT NOT NULL, "
                        + "active BOOLEAN NOT NULL, as_of_version INT NOT NULL, PRIMARY KEY (initiative_id, id));"
                        + "CREATE TABLE indicator (id UUID PRIMARY KEY);"
                        + "INSERT INTO initiative VALUES ('00000000-0000-4000-8000-000000000001', 'TOP15', '2026-01-01Z');"
                        + "INSERT INTO partner VALUES ('00000000-0000-4000-8000-000000000001', "
                        + "'00000000-0000-4000-8000-00000000000a', 'Atid', 'NONPROFIT', 'CORE', true, '2026-01-02Z'), "
                        + "('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-00000000000b', null, null, "
                        + "null, false, '2026-01-03Z');"
                        + "INSERT INTO goal VALUES ('00000000-0000-4000-8000-000000000001', "
                        + "'00000000-0000-4000-8000-0000000000c1', 'More pupils at 5 units', true, 2);");
                sql.execute(migration);

                assertThat(single(sql, "SELECT count(*) FROM agenda_initiative WHERE name = 'TOP15'")).isEqualTo(1);
                assertThat(single(sql, "SELECT count(*) FROM agenda_membership WHERE current AND role = 'CORE' "
                        + "AND name = 'Atid' AND as_of = '2026-01-02Z'")).isEqualTo(1);
                assertThat(single(sql, "SELECT count(*) FROM agenda_membership WHERE NOT current")).isEqualTo(1);
                assertThat(single(sql, "SELECT count(*) FROM agenda_membership_change")).isEqualTo(2);
                assertThat(single(sql, "SELECT count(*) FROM agenda_goal WHERE active AND as_of_version = 2")).isEqualTo(1);
                assertThat(single(sql, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema
                        + "' AND tablename IN ('initiative', 'partner', 'goal')")).isZero();
                assertThat(single(sql, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema
                        + "' AND tablename = 'indicator'")).isEqualTo(1);
        });
    }

    @Test
    void agendaServicesOwnInitiativeAndGoalTablesAreLeftAlone() throws Exception {
        inScratchSchema((sql, schema, migration) -> {
                sql.execute("CREATE TABLE initiative (id UUID PRIMARY KEY); CREATE TABLE goal (id UUID PRIMARY KEY);"
                        + "INSERT INTO initiative VALUES ('00000000-0000-4000-8000-000000000001');");
                sql.execute(migration);
                assertThat(single(sql, "SELECT count(*) FROM initiative")).isEqualTo(1);
                assertThat(single(sql, "SELECT count(*) FROM agenda_initiative")).isZero();
        });
    }

    private static long single(Statement sql, String query) throws Exception {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
