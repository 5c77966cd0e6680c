package tradebook.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store file: created, migrated, refused when not ours or from a newer Tradebook — and never damaged. */
class StoreTest {
    @TempDir Path home;

    @Test void aNewStoreIsAtTheCurrentSchemaWithTheDefaultBrokers() {
        try (Store s = Store.open(home.resolve("sub/dir/tradebook.db"))) {
            assertEquals(Store.currentSchemaVersion(), s.schemaVersion());
            assertEquals(java.util.List.of("manual", "paper"), s.brokerAliases());
            assertEquals("ok", s.integrity());
            s.saveBrokerAccount("ib-main", "ib", "{\"account\": \"U123\"}");
            assertEquals("ib", s.brokerAccount("IB-MAIN").orElseThrow()[0], "aliases ignore case");
            assertThrows(PlanException.class, () -> s.saveBrokerAccount("x", "ib", "not json"));
        }
        try (Store again = Store.open(home.resolve("sub/dir/tradebook.db"))) {
            assertEquals(Store.currentSchemaVersion(), again.schemaVersion(), "reopening migrates nothing");
        }
    }

    @Test void aStoreFromANewerTradebookIsRefusedAndLeftAlone() throws Exception {
        Path db = home.resolve("tradebook.db");
        try (Store s = Store.open(db)) {
            s.savePlan(TradePlan.builder().name("keep").strategy("Toggle", PlanFixtures.TOGGLE).tickers("T").quoteSource("djia").build(), "t", true);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("INSERT INTO schema_version(version) VALUES (99)");
        }
        PlanException e = assertThrows(PlanException.class, () -> Store.open(db));
        assertTrue(e.getMessage().contains("schema version 99") && e.getMessage().contains("update Tradebook"), e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT name FROM plans");
            assertTrue(rs.next());
            assertEquals("keep", rs.getString(1), "nothing lost");
        }
    }

    @Test void aFileThatIsNotADatabaseIsNamedAndNotOverwritten() throws Exception {
        Path db = home.resolve("tradebook.db");
        byte[] junk = "these are my notes, not a database\n".repeat(200).getBytes();
        Files.write(db, junk);
        PlanException e = assertThrows(PlanException.class, () -> Store.open(db));
        assertTrue(e.getMessage().contains(db.toString()) && e.getMessage().contains("TRADEBOOK_HOME"), e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(db));
    }
}
