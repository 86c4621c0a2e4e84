package org.measures311.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.measures311.infra.BicepTemplates.Resource;

/**
 * Compares infra/ with what the code expects and lists every disagreement as a sentence (empty: none).
 * Text-level checks over the templates, made to fail loudly: anything it cannot resolve is reported too.
 */
final class InfraDriftChecker {

    static final String APP_SETTINGS_TYPE = "Microsoft.Web/sites/config";
    static final String STORAGE_ACCOUNT_TYPE = "Microsoft.Storage/storageAccounts";
    static final String STORAGE_CONTAINER_TYPE = "Microsoft.Storage/storageAccounts/blobServices/containers";
    static final String COSMOS_ACCOUNT_TYPE = "Microsoft.DocumentDB/databaseAccounts";
    static final String COSMOS_DATABASE_TYPE = "Microsoft.DocumentDB/databaseAccounts/sqlDatabases";
    static final String COSMOS_CONTAINER_TYPE = "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers";
    static final String EVENT_SUBSCRIPTION_TYPE = "Microsoft.EventGrid/systemTopics/eventSubscriptions";

    /** Settings that must never be app settings: keys, connection strings, and what Flex Consumption rejects. */
    static final List<String> FORBIDDEN_SETTINGS = List.of("COSMOS_KEY", "LandingStorage", "AzureWebJobsStorage",
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
            "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE");

    private final BicepTemplates templates;
    private final CodeFacts code;
    private final List<String> problems = new ArrayList<>();

    private InfraDriftChecker(BicepTemplates templates, CodeFacts code) {
        this.templates = templates;
        this.code = code;
    }

    static List<String> check(BicepTemplates templates, CodeFacts code) {
        InfraDriftChecker checker = new InfraDriftChecker(templates, code);
        Map<String, AppSetting> settings = checker.appSettings();
        checker.checkSettings(settings);
        checker.checkBlobTrigger(settings);
        checker.checkCosmos(settings);
        checker.checkStorageAccount();
        new SecretScan(templates, checker.problems).run();
        return checker.problems.stream().distinct().toList();
    }

    /** One app setting: its value expression and whether it is only set under a condition. */
    record AppSetting(String value, boolean conditional) {
    }

    private Map<String, AppSetting> appSettings() {
        Map<String, AppSetting> out = new LinkedHashMap<>();
        List<Resource> configs = templates.resources(APP_SETTINGS_TYPE).stream()
                .filter(r -> "'appsettings'".equals(r.properties().get("name"))).toList();
        if (configs.size() != 1) {
            problems.add("expected one " + APP_SETTINGS_TYPE + " 'appsettings' resource, found " + configs.size());
            return out;
        }
        Resource config = configs.get(0);
        String value = config.properties().getOrDefault("properties", "");
        if (value.startsWith("{")) {
            BicepSource.properties(BicepSource.inside(value)).forEach((k, v) -> out.put(k, new AppSetting(v, false)));
            return out;
        }
        Matcher names = Pattern.compile("\\b(\\w+)\\b").matcher(value);
        while (names.find()) {
            Optional<String> variable = templates.variable(config.file(), names.group(1));
            if (variable.isEmpty()) {
                continue;
            }
            String expression = variable.get();
            boolean conditional = !expression.startsWith("{");
            for (String block : objectBlocks(expression)) {
                BicepSource.properties(BicepSource.inside(block))
                        .forEach((k, v) -> out.putIfAbsent(k, new AppSetting(v, conditional)));
            }
        }
        if (out.isEmpty()) {
            problems.add("no app settings found in " + config.file() + " (properties: " + value + ")");
        }
        return out;
    }

    private void checkSettings(Map<String, AppSetting> settings) {
        for (String name : code.deployedSettings()) {
            AppSetting setting = settings.get(name);
            if (setting == null) {
                problems.add("app setting " + name + " (Settings.DEPLOYED) is not set");
            } else if (setting.conditional()) {
                problems.add("app setting " + name + " (Settings.DEPLOYED) is only set under a condition");
            }
        }
        for (String name : FORBIDDEN_SETTINGS) {
            if (settings.containsKey(name)) {
                problems.add("app setting " + name + " must not be set (a key, a connection string, or not allowed"
                        + " on Flex Consumption)");
            }
        }
        if (!settings.containsKey("AzureWebJobsStorage__accountName")
                && !settings.containsKey("AzureWebJobsStorage__blobServiceUri")) {
            problems.add("host storage is not identity-based: set AzureWebJobsStorage__accountName");
        }
        expectLiteral(settings, "JAVA_ENABLE_SDK_TYPES", "true");
        AppSetting jvm = settings.get("languageWorkers__java__arguments");
        Optional<String> jvmValue = jvm == null ? Optional.empty() : templates.resolve(jvm.value());
        if (jvmValue.isEmpty() || !jvmValue.get().contains(code.jvmArguments())) {
            problems.add("app setting languageWorkers__java__arguments must contain the build's JVM options '"
                    + code.jvmArguments() + "', is " + jvmValue.orElse("(not set)"));
        }
    }

    private void checkBlobTrigger(Map<String, AppSetting> settings) {
        CodeFacts.BlobTriggerBinding trigger = code.blobTrigger();
        if (!"EventGrid".equals(trigger.source())) {
            problems.add("blob trigger " + trigger.functionName() + " must use source = EventGrid on Flex Consumption");
        }
        String connection = trigger.connection();
        for (String suffix : List.of("__blobServiceUri", "__queueServiceUri")) {
            if (!settings.containsKey(connection + suffix)) {
                problems.add("app setting " + connection + suffix + " (blob trigger connection) is not set");
            }
        }
        expectLiteral(settings, connection + "__credential", "managedidentity");

        Optional<String> landing = triggerContainer(settings, trigger);
        Set<String> declared = storageContainers();
        for (String setting : List.of("LANDING_CONTAINER", "CURATED_CONTAINER", "QUARANTINE_CONTAINER")) {
            AppSetting s = settings.get(setting);
            Optional<String> value = s == null ? Optional.empty() : templates.resolve(s.value());
            if (s != null && value.isEmpty()) {
                problems.add("cannot resolve app setting " + setting + " = " + s.value() + " to one literal");
            }
            value.filter(v -> !declared.contains(v)).ifPresent(v ->
                    problems.add("container '" + v + "' (" + setting + ") is not declared in the storage account; declared: " + declared));
        }
        landing.ifPresent(container -> checkEventSubscription(trigger, container, declared));
    }

    /** The trigger's container: %SETTING% resolved against the app setting, or a literal container name. */
    private Optional<String> triggerContainer(Map<String, AppSetting> settings, CodeFacts.BlobTriggerBinding trigger) {
        String part = trigger.containerPart();
        if (!(part.startsWith("%") && part.endsWith("%"))) {
            return Optional.of(part);
        }
        String setting = part.substring(1, part.length() - 1);
        AppSetting s = settings.get(setting);
        if (s == null) {
            problems.add("app setting " + setting + " (blob trigger path " + trigger.path() + ") is not set");
            return Optional.empty();
        }
        Optional<String> value = templates.resolve(s.value());
        if (value.isEmpty()) {
            problems.add("cannot resolve app setting " + setting + " = " + s.value() + " to one literal; definitions: "
                    + templates.literalsOf(s.value().trim()));
        }
        return value;
    }

    private void checkEventSubscription(CodeFacts.BlobTriggerBinding trigger, String container, Set<String> declared) {
        List<Resource> subscriptions = templates.resources(EVENT_SUBSCRIPTION_TYPE);
        if (subscriptions.isEmpty()) {
            problems.add("no Event Grid subscription (" + EVENT_SUBSCRIPTION_TYPE + ") delivers to " + trigger.functionName());
            return;
        }
        for (Resource subscription : subscriptions) {
            Map<String, String> properties = objectAt(subscription.properties(), "properties");
            Map<String, String> filter = objectAt(properties, "filter");
            String expectedSubject = "/blobServices/default/containers/" + container + "/";
            Optional<String> subject = templates.resolve(filter.getOrDefault("subjectBeginsWith", "''"));
            if (subject.isEmpty() || !subject.get().equals(expectedSubject)) {
                problems.add(subscription.file() + ": subjectBeginsWith must be '" + expectedSubject + "' (the blob trigger's"
                        + " container), is " + subject.orElse(filter.getOrDefault("subjectBeginsWith", "(not set)")
                        + " resolving to " + templates.literalsOf(stripInterpolation(filter.get("subjectBeginsWith")))));
            }
            if (!filter.getOrDefault("includedEventTypes", "").contains("'Microsoft.Storage.BlobCreated'")) {
                problems.add(subscription.file() + ": the subscription must include Microsoft.Storage.BlobCreated");
            }
            String endpoint = templates.resolveLeniently(objectAt(objectAt(properties, "destination"), "properties")
                    .getOrDefault("endpointUrl", "''"));
            String webhook = "/runtime/webhooks/blobs?functionName=Host.Functions." + trigger.functionName() + "&";
            if (!endpoint.contains(webhook)) {
                problems.add(subscription.file() + ": endpointUrl must call " + webhook + " , is " + endpoint);
            }
            if (!properties.containsKey("retryPolicy")) {
                problems.add(subscription.file() + ": the subscription has no retryPolicy");
            }
            Map<String, String> deadLetter = objectAt(objectAt(objectAt(properties, "deadLetterWithResourceIdentity"),
                    "deadLetterDestination"), "properties");
            Optional<String> deadLetterContainer = templates.resolve(deadLetter.getOrDefault("blobContainerName", "x y"));
            if (deadLetterContainer.isEmpty() || !declared.contains(deadLetterContainer.get())) {
                problems.add(subscription.file() + ": dead-lettering must go to a declared container, is "
                        + deadLetter.getOrDefault("blobContainerName", "(not set)"));
            }
        }
    }

    private void checkCosmos(Map<String, AppSetting> settings) {
        Map<String, List<String>> partitionKeys = new LinkedHashMap<>();
        for (Resource container : templates.resources(COSMOS_CONTAINER_TYPE)) {
            Map<String, String> resource = objectAt(objectAt(container.properties(), "properties"), "resource");
            String pathsArray = objectAt(resource, "partitionKey").getOrDefault("paths", "[]");
            List<String> paths = BicepSource.items(BicepSource.inside(pathsArray)).stream()
                    .map(p -> templates.resolve(p).orElse(p)).toList();
            for (String name : names(container)) {
                partitionKeys.put(name, paths);
            }
        }
        for (String name : code.cosmosContainers()) {
            List<String> paths = partitionKeys.get(name);
            if (paths == null) {
                problems.add("Cosmos container '" + name + "' (store.Container) is not declared; declared: " + partitionKeys.keySet());
            } else if (!paths.equals(List.of(code.partitionKeyPath()))) {
                problems.add("Cosmos container '" + name + "' must be partitioned on " + code.partitionKeyPath() + ", is " + paths);
            }
        }
        AppSetting database = settings.get("COSMOS_DATABASE");
        Optional<String> databaseName = database == null ? Optional.empty() : templates.resolve(database.value());
        Set<String> declaredDatabases = new LinkedHashSet<>();
        templates.resources(COSMOS_DATABASE_TYPE).forEach(d -> declaredDatabases.addAll(names(d)));
        databaseName.filter(n -> !declaredDatabases.contains(n)).ifPresent(n ->
                problems.add("Cosmos database '" + n + "' (COSMOS_DATABASE) is not declared; declared: " + declaredDatabases));
        for (Resource account : templates.resources(COSMOS_ACCOUNT_TYPE)) {
            if (!account.existing() && !"true".equals(objectAt(account.properties(), "properties").get("disableLocalAuth"))) {
                problems.add(account.file() + ": Cosmos account must set disableLocalAuth: true (no keys)");
            }
        }
    }

    private void checkStorageAccount() {
        Map<String, String> required = Map.of("isHnsEnabled", "true", "allowSharedKeyAccess", "false",
                "allowBlobPublicAccess", "false", "minimumTlsVersion", "'TLS1_2'");
        for (Resource account : templates.resources(STORAGE_ACCOUNT_TYPE)) {
            if (account.existing()) {
                continue;
            }
            Map<String, String> properties = objectAt(account.properties(), "properties");
            required.forEach((key, value) -> {
                if (!value.equals(properties.get(key))) {
                    problems.add(account.file() + ": storage account must set " + key + ": " + value + ", is " + properties.get(key));
                }
            });
        }
    }

    private Set<String> storageContainers() {
        Set<String> out = new LinkedHashSet<>();
        templates.resources(STORAGE_CONTAINER_TYPE).stream().filter(r -> !r.existing()).forEach(r -> out.addAll(names(r)));
        return out;
    }

    /** Resolved names of a resource: the items of its loop's array, or its name. */
    private List<String> names(Resource resource) {
        List<String> expressions = resource.loopSource()
                .flatMap(list -> templates.variable(resource.file(), list))
                .map(array -> BicepSource.items(BicepSource.inside(array)))
                .orElse(List.of(resource.properties().getOrDefault("name", "")));
        List<String> out = new ArrayList<>();
        for (String expression : expressions) {
            Optional<String> name = templates.resolve(expression);
            if (name.isEmpty()) {
                problems.add(resource.file() + ": cannot resolve the name " + expression + " of " + resource.type()
                        + " to one literal; definitions: " + templates.literalsOf(expression.trim()));
            }
            name.ifPresent(out::add);
        }
        return out;
    }

    private void expectLiteral(Map<String, AppSetting> settings, String name, String expected) {
        AppSetting setting = settings.get(name);
        Optional<String> value = setting == null ? Optional.empty() : templates.resolve(setting.value());
        if (!value.equals(Optional.of(expected))) {
            problems.add("app setting " + name + " must be '" + expected + "', is " + value.orElse("(not set)"));
        }
    }

    private static Map<String, String> objectAt(Map<String, String> properties, String key) {
        String value = properties.getOrDefault(key, "{}").trim();
        return value.startsWith("{") ? BicepSource.properties(BicepSource.inside(value)) : Map.of();
    }

    /** The object literals in an expression such as {@code cond ? {} : { … }} (strings skipped). */
    private static List<String> objectBlocks(String expression) {
        List<String> blocks = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '\'') {
                i = BicepSource.endOfString(expression, i);
            } else if (c == '{') {
                int end = BicepSource.closing(expression, i);
                blocks.add(expression.substring(i, end + 1));
                i = end + 1;
            } else {
                i++;
            }
        }
        return blocks;
    }

    private static String stripInterpolation(String expression) {
        Matcher m = Pattern.compile("\\$\\{\\s*(\\w+)\\s*}").matcher(expression == null ? "" : expression);
        return m.find() ? m.group(1) : "";
    }
}
