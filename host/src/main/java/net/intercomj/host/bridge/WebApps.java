package net.intercomj.host.bridge;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The web apps plugins ship: the files under {@code web/} in a plugin's jar, served at
 * {@code /apps/<plugin-id>/}, and an index of them at {@code /apps/}. Files are read from the
 * jar alone, never from the host's class path or another plugin's.
 */
public final class WebApps implements HttpHandler, AutoCloseable {

    /** The folder in a plugin jar that holds its web app; {@code index.html} in it is the entry page. */
    public static final String FOLDER = "web";

    private final Map<String, ResourceHandler> apps;
    private final List<URLClassLoader> loaders;

    private WebApps(Map<String, ResourceHandler> apps, List<URLClassLoader> loaders) {
        this.apps = Collections.unmodifiableMap(apps);
        this.loaders = List.copyOf(loaders);
    }

    /** No web apps: the index lists none. */
    public static WebApps none() {
        return new WebApps(new TreeMap<>(), List.of());
    }

    /**
     * The web apps in these plugin jars (or folders laid out like one); plugins without
     * {@code web/index.html} have none.
     *
     * @param roots the jar of each plugin, by plugin id
     */
    public static WebApps of(Map<String, Path> roots) {
        Map<String, ResourceHandler> apps = new TreeMap<>();
        List<URLClassLoader> loaders = new ArrayList<>();
        for (Map.Entry<String, Path> root : roots.entrySet()) {
            URLClassLoader loader;
            try {
                // No parent: only the plugin's own files can be found.
                loader = new URLClassLoader(new URL[] {root.getValue().toUri().toURL()}, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (loader.findResource(FOLDER + "/index.html") == null) {
                closeQuietly(loader);
                continue;
            }
            loaders.add(loader);
            apps.put(root.getKey(), new ResourceHandler(new ClassPathResourceManager(loader, FOLDER)));
        }
        return new WebApps(apps, loaders);
    }

    /** The ids of the plugins that have a web app, sorted. */
    public List<String> ids() {
        return List.copyOf(apps.keySet());
    }

    /** Serves a request whose path is relative to {@code /apps}. */
    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRelativePath();
        if (path.isEmpty() || path.equals("/")) {
            index(exchange);
            return;
        }
        int slash = path.indexOf('/', 1);
        String id = slash < 0 ? path.substring(1) : path.substring(1, slash);
        ResourceHandler app = apps.get(id);
        if (app == null) {
            exchange.setStatusCode(StatusCodes.NOT_FOUND);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
            exchange.getResponseSender().send("No web app named " + id + ". See /apps/ for the list.");
            return;
        }
        if (slash < 0) {
            // Relative links in the app's pages need the trailing slash.
            exchange.setStatusCode(StatusCodes.FOUND);
            exchange.getResponseHeaders().put(Headers.LOCATION, "/apps/" + id + "/");
            exchange.endExchange();
            return;
        }
        String file = path.substring(slash);
        // A jar need not hold folder entries, and without a "web/" entry the folder itself is not
        // found: ask for the index page by name, as the listing above promised it exists.
        exchange.setRelativePath(file.endsWith("/") ? file + "index.html" : file);
        app.handleRequest(exchange);
    }

    private void index(HttpServerExchange exchange) {
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Intercom web apps</title></head>
                <body><h1>Web apps on this peer</h1>
                """);
        if (apps.isEmpty()) {
            html.append("<p>No plugin on this peer ships a web app.</p>\n");
        } else {
            html.append("<ul>\n");
            for (String id : apps.keySet()) {
                String escaped = escape(id);
                html.append("<li><a href=\"/apps/").append(escaped).append("/\">").append(escaped).append("</a></li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</body></html>\n");
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getResponseSender().send(html.toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        loaders.forEach(WebApps::closeQuietly);
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // Nothing is left to release that a retry would free.
        }
    }
}
