package tradebook.live.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tradebook.live.ib.FakeGateway;
import tradebook.live.notify.Notifications;
import tradebook.live.testing.PlanFixtures;
import tradebook.plan.EntryType;
import tradebook.plan.PlanRunner;
import tradebook.plan.Store;
import tradebook.plan.StoredPlan;

/** "Sync with IB" on an ib plan's page downloads IB's executions into the store; a manual plan is told it cannot. */
class ConsoleIbSyncTest {
    @TempDir Path home;

    @Test
    void syncButtonRecordsIbExecutions() throws Exception {
        Path db = home.resolve("tradebook.db");
        try (FakeGateway gw = new FakeGateway()) {
            long planId;
            try (Store store = Store.open(db)) {
                store.saveBrokerAccount("ibkr", "ib", "{\"url\": \"" + gw.baseUrl() + "\", \"account\": \"DU1234567\"}");
                StoredPlan sp = store.savePlan(PlanFixtures.buyEveryBar("ib-plan", "ibkr").entry(EntryType.TOC).build(), "test", true);
                planId = sp.id();
                assertTrue(new PlanRunner(store, PlanFixtures.DJIA_END).run(sp, PlanRunner.Options.normal()).ok());
                store.savePlan(PlanFixtures.buyEveryBar("manual-plan", "manual").build(), "test", true);
            }
            gw.fillPrice = 169.9;
            try (Console c = Console.start(new Console.Options("127.0.0.1", 0, db, null, false, PlanFixtures.DJIA_END, Notifications.none()))) {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                String base = "http://127.0.0.1:" + c.port();
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/plan/ib-plan")).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(page.body().contains("Sync with IB"));
                String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
                Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
                assertTrue(m.find());
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/plan/ib-plan/sync")).header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("csrf=" + m.group(1))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(303, r.statusCode(), r.body());
                page = http.send(HttpRequest.newBuilder(URI.create(base + "/plan/ib-plan")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(page.body().contains("IB: 1 new fill(s)"), page.body());
                r = http.send(HttpRequest.newBuilder(URI.create(base + "/plan/manual-plan/sync")).header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("csrf=" + m.group(1))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(400, r.statusCode());
                assertTrue(r.body().contains("only ib plans sync with IB"), r.body());
            }
            try (Store store = Store.open(db)) {
                assertEquals(1, store.fills(planId).size());
                assertEquals(169.9, store.fills(planId).get(0).price());
            }
        }
    }
}
