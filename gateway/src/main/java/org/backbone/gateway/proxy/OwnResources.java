package org.backbone.gateway.proxy;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's own resources under {@code /api/v1} (composed views, partner events), which are left
 * to Quarkus REST instead of being proxied: found from the {@code @Path} of the gateway's resource
 * classes and their methods, so a new resource needs no list kept by hand.
 */
@Singleton
public class OwnResources {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OwnResources.class);
    private static final String API = "/api/v1";
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]*}");

    private final Pattern paths;

    @Inject
    OwnResources(BeanManager beans) {
        this(resourceClasses(beans.getBeans(Object.class, Any.Literal.INSTANCE)));
    }

    OwnResources(Collection<Class<?>> resources) {
        List<String> templates = new ArrayList<>();
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            templates.add(base);
            for (Method method : resource.getDeclaredMethods()) {
                Path sub = method.getAnnotation(Path.class);
                if (sub != null) {
                    templates.add(join(base, sub.value()));
                }
            }
        }
        List<String> underApi = templates.stream().filter(t -> t.startsWith(API + "/")).map(OwnResources::pattern)
                .distinct().toList();
        this.paths = Pattern.compile(underApi.isEmpty() ? "(?!)" : String.join("|", underApi));
        LOG.debugf("the gateway's own resources: %s", templates);
    }

    /** Whether {@code path} (as requested, with {@code /api/v1}) is one of the gateway's own resources. */
    public boolean owns(String path) {
        return paths.matcher(path).matches();
    }

    /** A JAX-RS path template as a pattern: each {@code {parameter}} one segment, a trailing slash optional. */
    static String pattern(String template) {
        String trimmed = template.endsWith("/") && template.length() > 1 ? template.substring(0, template.length() - 1)
                : template;
        StringBuilder pattern = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(trimmed);
        int last = 0;
        while (parameter.find()) {
            pattern.append(Pattern.quote(trimmed.substring(last, parameter.start()))).append("[^/]+");
            last = parameter.end();
        }
        pattern.append(Pattern.quote(trimmed.substring(last))).append("/?");
        return pattern.toString();
    }

    private static String join(String base, String sub) {
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + (sub.startsWith("/") ? sub : "/" + sub);
    }

    private static List<Class<?>> resourceClasses(Collection<Bean<?>> beans) {
        return beans.stream().map(Bean::getBeanClass)
                .filter(type -> type.getPackageName().startsWith("org.backbone.gateway") && type.isAnnotationPresent(Path.class))
                .distinct().toList();
    }
}
