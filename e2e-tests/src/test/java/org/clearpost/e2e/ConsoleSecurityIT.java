package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearpost.infra.TokenClient;
import org.clearpost.local.Component;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's security and failure behaviour in a real Chromium: no bearer token reaches the browser (pages,
 * scripts, storage, cookies); a cross-origin POST without the page's CSRF token is refused; a signed-out session cannot
 * reach {@code /api/}; an expired session signs in again and comes back to the same page; a service that is down is
 * named on the screen that needs it while the rest of the console works.
 */
@ExtendWith(RunningPlatform.Resolver.class)
class ConsoleSecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Three base64url parts: what a JWS (and the first three parts of a JWE) looks like in any text. */
    private static final Pattern JWT_SHAPE = Pattern.compile("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    /** Quarkus OIDC's session cookie: here it holds only the key to the tokens kept in the console's database. */
    static final String SESSION_COOKIE = "q_session";

    private static RunningPlatform platform;
    /** The console's URL without a trailing slash. */
    static String console;

    @BeforeAll
    static void platform(RunningPlatform running) {
        platform = running;
        console = running.launcher().url(Component.CONSOLE).toString().replaceFirst("/$", "");
    }

    @Test
    void noBearerTokenInAnyPageScriptStorageOrCookie() {
        // The detector finds a real token of this realm, so an empty result below means something.
        String realToken = TokenClient.passwordGrant(platform.launcher().issuerUrl(), "clearpost-cli", "dana", "dana");
        assertThat(jwtsIn("Authorization: Bearer " + realToken)).containsExactly(realToken);

        try (Browser dana = platform.browser()) {
            dana.signIn("dana", "/");
            List<String> checked = new ArrayList<>();
            for (String page : List.of("/", "/posts", "/posts/new")) {
                dana.go(page);
                dana.waitFor(By.id("signed-in-user"));
                assertNoTokenInTheBrowser(dana, page);
                checked.add(page);
            }
            assertThat(checked).containsExactly("/", "/posts", "/posts/new");
        }
    }

    /** What the page, every same-origin script and style it loaded, its storage and its cookies hold: no JWT. */
    static void assertNoTokenInTheBrowser(Browser browser, String page) {
        assertThat(jwtsIn(browser.driver().getPageSource())).as("JWTs in the page source of %s", page).isEmpty();

        @SuppressWarnings("unchecked")
        Map<String, String> loaded = (Map<String, String>) browser.script("""
                const urls = performance.getEntriesByType('resource').map(e => e.name)
                    .filter(u => u.startsWith(location.origin) && !u.startsWith(location.origin + '/api/'));
                urls.push(location.href);
                return (async () => {
                  const out = {};
                  for (const url of new Set(urls)) {
                    out[url] = await (await fetch(url)).text();
                  }
                  return out;
                })();""");
        assertThat(loaded.keySet()).as("what %s loaded", page).anyMatch(url -> url.endsWith("/static/console.js"));
        loaded.forEach((url, text) -> assertThat(jwtsIn(text)).as("JWTs in %s, loaded by %s", url, page).isEmpty());

        String storage = String.valueOf(browser.script("return JSON.stringify({local: Object.entries(localStorage), "
                + "session: Object.entries(sessionStorage), cookie: document.cookie})"));
        assertThat(jwtsIn(storage)).as("JWTs in the storage of %s: %s", page, storage).isEmpty();
        assertThat(storage).as("document.cookie cannot read the session cookie").doesNotContain(SESSION_COOKIE);

        Set<Cookie> cookies = browser.driver().manage().getCookies();
        Cookie session = cookies.stream().filter(c -> c.getName().equals(SESSION_COOKIE)).findFirst().orElse(null);
        assertThat(session).as("the session cookie among %s", cookies).isNotNull();
        assertThat(session.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(session.isSecure()).as("Secure").isTrue();
        assertThat(session.getSameSite()).as("SameSite").isEqualTo("Lax");
        for (Cookie cookie : cookies) {
            String value = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
            assertThat(jwtsIn(value)).as("JWTs in the cookie %s on %s", cookie.getName(), page).isEmpty();
        }
    }

    @Test
    void aCrossOriginPostWithoutThePagesCsrfTokenIsRefused() throws Exception {
        String marker = "csrf-" + UUID.randomUUID();
        try (Browser dana = platform.browser(); AttackerSite attacker = AttackerSite.start(console)) {
            dana.signIn("dana", "/");

            // Another origin on the same site (localhost, another port): the browser sends the SameSite=Lax session
            // cookie with it, so only the CSRF token stands between this page and dana's drafts.
            dana.driver().get(attacker.url("/plain?text=" + marker));
            assertRefused(dana);
            dana.driver().get(attacker.url("/form?csrf=" + marker));
            assertRefused(dana);
            assertThat(postsWithText("dana", marker)).as("posts the other origin made").isEmpty();

            // The same POST from the console's own page: refused with a wrong token, allowed with the page's.
            dana.go("/");
            dana.waitFor(By.id("signed-in-user"));
            assertThat(postFromPage(dana, marker, "not-the-token")).isEqualTo(403L);
            assertThat(postFromPage(dana, marker, null)).isEqualTo(201L);
            assertThat(postsWithText("dana", marker)).as("posts made with the page's token").hasSize(1);
        }
    }

    static void assertRefused(Browser browser) {
        String body = new WebDriverWait(browser.driver(), Browser.PATIENCE).until(d -> {
            // textContent: Chromium's JSON viewer hides the <pre> that holds the answer from getText()
            String text = d.getCurrentUrl().startsWith(console)
                    ? String.valueOf(browser.script("return document.body ? document.body.textContent : ''")) : "";
            return text.contains("CSRF") ? text : null;
        });
        assertThat(browser.url()).startsWith(console + "/api/drafting/posts");
        assertThat(body).contains("\"status\":403").contains("\"title\":\"Forbidden\"");
    }

    /** The HTTP status of a POST of a draft from the page's own script; {@code token} null: the page's token. */
    static Long postFromPage(Browser browser, String text, String token) {
        return (Long) browser.script("""
                const token = arguments[1] ?? document.querySelector('meta[name="csrf-token"]').content;
                return fetch('/api/drafting/posts', {method: 'POST',
                    headers: {'Content-Type': 'application/json', 'X-CSRF-Token': token},
                    body: JSON.stringify({text: arguments[0], targets: [{network: 'X', account: 'clearpost_demo'}]})})
                  .then(r => r.status);""", text, token);
    }

    private static List<Object> postsWithText(String user, String text) {
        return platform.as(user, Component.DRAFTING).queryParam("text", text).get("/posts")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void aSignedOutSessionCannotReachTheApi() {
        try (Browser dana = platform.browser()) {
            dana.signIn("dana", "/");
            assertThat(fetchStatus(dana, true)).as("signed in").isEqualTo("200 application/json");

            dana.find(By.cssSelector("form.app-sign-out button")).click();
            // Through Keycloak's end-session endpoint and back to /signed-out?state=...
            new WebDriverWait(dana.driver(), Browser.PATIENCE).until(d -> d.getCurrentUrl().startsWith(
                    console + "/signed-out"));
            dana.waitFor(By.id("sign-in-again"));

            // A script's call (as console.js makes them) gets 499, a plain one a redirect to sign in: never data.
            assertThat(fetchStatus(dana, true)).isEqualTo("499 ");
            assertThat(fetchStatus(dana, false)).isEqualTo("0 opaqueredirect");
            assertThat(dana.driver().manage().getCookieNamed(SESSION_COOKIE)).isNull();

            // Keycloak's session ended too: the console asks for a password again rather than signing straight in.
            dana.go("/");
            dana.waitFor(By.id("username"));
            assertThat(dana.url()).startsWith(platform.launcher().issuerUrl());
        }
    }

    /** {@code fetch('/api/drafting/posts')} from the page: "status content-type", or "0 opaqueredirect". */
    static String fetchStatus(Browser browser, boolean asScript) {
        return String.valueOf(browser.script("""
                const headers = arguments[0] ? {'X-Requested-With': 'JavaScript'} : {};
                return fetch('/api/drafting/posts', {headers, redirect: 'manual'})
                  .then(r => r.type === 'opaqueredirect' ? '0 opaqueredirect'
                      : r.status + ' ' + (r.headers.get('Content-Type') || '').split(';')[0]);""", asScript));
    }

    @Test
    void anExpiredSessionSignsInAgainAndComesBackToTheSamePage() throws SQLException {
        try (Browser dave = platform.browser()) {
            Set<String> before = sessionRows();
            dave.signIn("dave", "/");
            Set<String> his = sessionRows();
            his.removeAll(before);
            assertThat(his).as("dave's session kept server-side").isNotEmpty();

            // Expired everywhere, as after a long lunch: the console's session rows and Keycloak's session are gone.
            deleteSessionRows(his);
            endKeycloakSessions("dave");

            dave.go("/posts?status=DRAFT");
            dave.waitFor(By.id("username")).sendKeys("dave");
            assertThat(dave.url()).startsWith(platform.launcher().issuerUrl());
            dave.find(By.id("password")).sendKeys("dave");
            dave.find(By.id("kc-login")).click();
            // Keycloak sends the browser to the console's callback, which sends it on to the page it had asked for.
            String page = console + "/posts?status=DRAFT";
            new WebDriverWait(dave.driver(), Browser.PATIENCE).withMessage(() -> "back on " + page + ", not "
                    + dave.url()).until(d -> d.getCurrentUrl().equals(page));
            assertThat(fetchStatus(dave, true)).as("signed in again").isEqualTo("200 application/json");
        }
    }

    @Test
    void aServiceThatIsDownIsNamedOnItsScreenOnly() {
        try (Browser ana = platform.browser(); Browser dana = platform.browser()) {
            ana.signIn("ana", "/");
            dana.signIn("dana", "/");
            platform.launcher().killApplication(Component.ANALYTICS);
            try {
                JsonNode problem = problemFrom(ana, "/api/analytics/figures");
                assertThat(problem.path("status").asInt()).isEqualTo(503);
                assertThat(problem.path("detail").asText()).contains("Figures is not answering just now");

                // The figures screen, where it exists, says so in the console's layout rather than failing whole.
                                ana.go("/figures");
                String figures = ana.find(By.tagName("body")).getText();
                assertThat(figures).contains("Figures is not answering just now");
                assertThat(ana.find(By.id("signed-in-user")).getText()).isEqualTo("ana");

                // Every other screen goes on.
                dana.go("/");
                assertThat(dana.waitFor(By.id("signed-in-user")).getText()).isEqualTo("dana");
                assertThat(fetchStatus(dana, true)).isEqualTo("200 application/json");
            } finally {
                platform.launcher().restartApplication(Component.ANALYTICS);
                // Ready, and its streams running again (503 while they rebalance), before any other test reads it.
                await().atMost(Journeys.PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() ->
                        platform.as("ana", Component.ANALYTICS).get("/figures").statusCode() == 200);
            }
            assertThat(problemFrom(ana, "/api/analytics/figures").isArray()).as("figures back").isTrue();
        }
    }

    /** A GET through the gateway from the page's script, as JSON. */
    static JsonNode problemFrom(Browser browser, String path) {
        String body = String.valueOf(browser.script("""
                return fetch(arguments[0], {headers: {'X-Requested-With': 'JavaScript', Accept: 'application/json'}})
                  .then(r => r.text());""", path));
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(path + " answered " + body, e);
        }
    }

    /** Every JWT-shaped string in a text: three base64url parts whose first decodes to a JSON header with "alg". */
    static List<String> jwtsIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = JWT_SHAPE.matcher(text == null ? "" : text);
        while (m.find()) {
            String candidate = m.group();
            try {
                JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(candidate.substring(0, candidate.indexOf('.'))));
                if (header.isObject() && header.has("alg")) {
                    found.add(candidate);
                }
            } catch (IllegalArgumentException | IOException notAHeader) {
                // three dotted words, a file name with a hash, minified code: not a token
            }
        }
        return found;
    }

    private static Connection console() throws SQLException {
        return DriverManager.getConnection(platform.launcher().jdbcUrl(Component.CONSOLE),
                platform.launcher().databaseUsername(), platform.launcher().databasePassword());
    }

    private static Set<String> sessionRows() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = console(); ResultSet rows = c.createStatement().executeQuery("SELECT id FROM console_session")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static void deleteSessionRows(Set<String> ids) throws SQLException {
        try (Connection c = console(); PreparedStatement delete = c.prepareStatement("DELETE FROM console_session WHERE id = ?")) {
            for (String id : ids) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
        }
    }

    /** Keycloak's admin REST API, as the master realm's admin: every session of the user ends. */
    private static void endKeycloakSessions(String user) {
        String issuer = platform.launcher().issuerUrl();
        String keycloak = issuer.substring(0, issuer.indexOf("/realms/"));
        String password;
        try {
            password = Files.readString(platform.launcher().dataDir().resolve("secrets/keycloak-admin-password")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String admin = TokenClient.passwordGrant(keycloak + "/realms/master", "admin-cli", "admin", password);
        String id = RestAssured.given().auth().oauth2(admin).queryParam("username", user).queryParam("exact", true)
                .get(keycloak + "/admin/realms/clearpost/users").then().statusCode(200).extract().path("[0].id");
        RestAssured.given().auth().oauth2(admin).post(keycloak + "/admin/realms/clearpost/users/{id}/logout", id)
                .then().statusCode(204);
    }

    /**
     * A page of another origin, as an attacker's would be: each path answers an HTML form that submits itself to the
     * console as soon as it loads. {@code /plain?text=...}: a draft as a text/plain body (a form can send that without
     * a CORS preflight); {@code /form?csrf=...}: a urlencoded form with a made-up token.
     */
    static final class AttackerSite implements AutoCloseable {

        private final HttpServer server;

        private AttackerSite(HttpServer server) {
            this.server = server;
        }

        static AttackerSite start(String console) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String query = exchange.getRequestURI().getRawQuery();
                String value = query == null ? "" : URLDecoder.decode(query.substring(query.indexOf('=') + 1),
                        StandardCharsets.UTF_8).replaceAll("[^A-Za-z0-9-]", "");
                String form = exchange.getRequestURI().getPath().equals("/plain")
                        ? "<form method=\"post\" enctype=\"text/plain\" action=\"" + console + "/api/drafting/posts\">"
                                + "<input type=\"hidden\" name='{\"text\":\"" + value + "\",\"targets\":[{\"network\":"
                                + "\"X\",\"account\":\"clearpost_demo\"}],\"x\":\"' value='\"}'></form>"
                        : "<form method=\"post\" action=\"" + console + "/api/drafting/posts\">"
                                + "<input type=\"hidden\" name=\"csrf\" value=\"" + value + "\">"
                                + "<input type=\"hidden\" name=\"text\" value=\"" + value + "\"></form>";
                byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><title>You have won</title></head><body>"
                        + form + "<script>document.forms[0].submit()</script></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
            return new AttackerSite(server);
        }

        String url(String pathAndQuery) {
            return "http://localhost:" + server.getAddress().getPort() + pathAndQuery;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
