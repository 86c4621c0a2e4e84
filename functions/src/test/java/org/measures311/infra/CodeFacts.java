package org.measures311.infra;

import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.measures311.config.Settings;
import org.measures311.store.Container;

/**
 * What the code expects of its Azure environment, read from the code itself: the settings it requires, the
 * Cosmos containers and partition key, the blob trigger binding and the JVM options from the build.
 */
record CodeFacts(List<String> deployedSettings, List<String> cosmosContainers, String partitionKeyPath,
                 BlobTriggerBinding blobTrigger, String jvmArguments) {

    /** The blob trigger's binding as the Functions host sees it (the annotation the Maven plugin reads). */
    record BlobTriggerBinding(String functionName, String path, String connection, String source) {

        /** The container part of the path, e.g. {@code %LANDING_CONTAINER%} of {@code %LANDING_CONTAINER%/{name}}. */
        String containerPart() {
            int slash = path.indexOf('/');
            return slash < 0 ? path : path.substring(0, slash);
        }
    }

    CodeFacts {
        deployedSettings = List.copyOf(deployedSettings);
        cosmosContainers = List.copyOf(cosmosContainers);
    }

    static CodeFacts read(Class<?> blobTriggerClass, Path functionsPom) {
        return new CodeFacts(Settings.DEPLOYED,
                Arrays.stream(Container.values()).map(Container::containerName).toList(),
                Container.PARTITION_KEY_PATH,
                blobTrigger(blobTriggerClass),
                jvmArguments(functionsPom));
    }

    CodeFacts withBlobTrigger(BlobTriggerBinding binding) {
        return new CodeFacts(deployedSettings, cosmosContainers, partitionKeyPath, binding, jvmArguments);
    }

    static BlobTriggerBinding blobTrigger(Class<?> type) {
        for (Method method : type.getMethods()) {
            FunctionName name = method.getAnnotation(FunctionName.class);
            BlobTrigger trigger = method.getAnnotation(BlobTrigger.class);
            for (Annotation[] parameter : method.getParameterAnnotations()) {
                for (Annotation annotation : parameter) {
                    if (annotation instanceof BlobTrigger t) {
                        trigger = t;
                    }
                }
            }
            if (name != null && trigger != null) {
                return new BlobTriggerBinding(name.value(), trigger.path(), trigger.connection(), trigger.source());
            }
        }
        throw new IllegalArgumentException("no @FunctionName method with a @BlobTrigger in " + type.getName());
    }

    /** The {@code <arrow.jvm.args>} property of the functions pom: the JVM options tests and Azure must share. */
    static String jvmArguments(Path functionsPom) {
        try {
            Matcher m = Pattern.compile("<arrow\\.jvm\\.args>([^<]+)</arrow\\.jvm\\.args>")
                    .matcher(Files.readString(functionsPom));
            if (!m.find()) {
                throw new IllegalStateException("no <arrow.jvm.args> in " + functionsPom);
            }
            return m.group(1).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
