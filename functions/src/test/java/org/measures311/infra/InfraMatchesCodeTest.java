package org.measures311.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.measures311.functions.LandingBlobTrigger;

/**
 * infra/ agrees with the code: every setting the code needs is an app setting, every Cosmos container is
 * declared on /pk, the blob trigger's container exists and is the one the Event Grid subscription filters on,
 * and no template writes or reads a key. The drift cases change one thing in an in-memory copy of the real
 * templates and expect the checker to name it, which shows the checks can fail.
 */
class InfraMatchesCodeTest {

    private static Path repoRoot;
    private static BicepTemplates templates;
    private static CodeFacts code;

    @BeforeAll
    static void readInfraAndCode() {
        repoRoot = repoRoot();
        templates = BicepTemplates.load(repoRoot.resolve("infra"));
        code = CodeFacts.read(LandingBlobTrigger.class, repoRoot.resolve("functions/pom.xml"));
    }

    @Test
    void codeFactsAreReadFromTheCode() {
        // Guards the reflection and pom reading: a checker fed empty facts would pass anything.
        assertThat(code.blobTrigger()).isEqualTo(new CodeFacts.BlobTriggerBinding(
                "ingestLandingBlob", "%LANDING_CONTAINER%/{name}", "LandingStorage", "EventGrid"));
        assertThat(code.cosmosContainers()).containsExactly("measures", "ledger", "publications", "control");
        assertThat(code.partitionKeyPath()).isEqualTo("/pk");
        assertThat(code.jvmArguments()).isEqualTo("--add-opens=java.base/java.nio=ALL-UNNAMED");
        assertThat(code.deployedSettings()).contains("LANDING_CONTAINER", "COSMOS_ENDPOINT");
    }

    @Test
    void infraMatchesTheCode() {
        assertThat(InfraDriftChecker.check(templates, code)).isEmpty();
    }

    @Test
    void landingContainerResolvesTheSameEverywhere() {
        // The value behind %LANDING_CONTAINER%, the storage container and the Event Grid filter, worked out here
        // from the templates by hand: resources.bicep declares 'landing', eventgrid-subscription.bicep defaults to it.
        assertThat(templates.literalsOf("landingContainerName")).containsExactly("landing");
        assertThat(templates.resources(InfraDriftChecker.EVENT_SUBSCRIPTION_TYPE)).hasSize(1);
    }

    static Stream<Arguments> drifts() {
        return Stream.of(
                Arguments.of("an app setting the code needs is removed",
                        "app/function-app.bicep", "  COSMOS_DATABASE: cosmosDatabaseName\n", "",
                        "app setting COSMOS_DATABASE (Settings.DEPLOYED) is not set"),
                Arguments.of("a Cosmos container's partition key is renamed",
                        "app/cosmos.bicep", "'/pk'", "'/partitionKey'",
                        "Cosmos container 'ledger' must be partitioned on /pk, is [/partitionKey]"),
                Arguments.of("a Cosmos container is dropped",
                        "app/cosmos.bicep", "  'control'\n", "",
                        "Cosmos container 'control' (store.Container) is not declared"),
                Arguments.of("the landing container is renamed in the storage account only",
                        "resources.bicep", "var landingContainerName = 'landing'", "var landingContainerName = 'incoming'",
                        "cannot resolve app setting LANDING_CONTAINER = landingContainerName to one literal"),
                Arguments.of("the Event Grid subscription filters on another container",
                        "app/eventgrid-subscription.bicep", "containers/${landingContainerName}/", "containers/curated/",
                        "subjectBeginsWith must be '/blobServices/default/containers/landing/'"),
                Arguments.of("the Event Grid subscription calls another function",
                        "app/eventgrid-subscription.bicep", "var functionName = 'ingestLandingBlob'",
                        "var functionName = 'ingestBlob'",
                        "endpointUrl must call /runtime/webhooks/blobs?functionName=Host.Functions.ingestLandingBlob&"),
                Arguments.of("dead-lettering is removed",
                        "app/eventgrid-subscription.bicep", "deadLetterWithResourceIdentity:", "unusedDeadLetter:",
                        "dead-lettering must go to a declared container"),
                Arguments.of("a Cosmos key is put in the app settings",
                        "app/function-app.bicep", "  COSMOS_ENDPOINT: cosmosEndpoint\n",
                        "  COSMOS_ENDPOINT: cosmosEndpoint\n  COSMOS_KEY: cosmosKey\n",
                        "app setting COSMOS_KEY must not be set"),
                Arguments.of("a storage account key is read",
                        "app/storage.bicep", "output name string = account.name",
                        "output name string = account.name\nvar key = account.listKeys().keys[0].value",
                        "key material or key access: .listKeys("),
                Arguments.of("a storage connection string is built",
                        "app/function-app.bicep", "  JAVA_ENABLE_SDK_TYPES: 'true'\n",
                        "  JAVA_ENABLE_SDK_TYPES: 'true'\n  X: 'DefaultEndpointsProtocol=https;AccountName=${storageAccountName}'\n",
                        "key material or key access: DefaultEndpointsProtocol"),
                Arguments.of("listKeys reads something other than the blobs_extension key",
                        "app/eventgrid-subscription.bicep", ".systemKeys.blobs_extension", ".masterKey",
                        "listKeys( is only allowed for the host's blobs_extension system key"),
                Arguments.of("shared-key access is switched back on",
                        "app/storage.bicep", "allowSharedKeyAccess: false", "allowSharedKeyAccess: true",
                        "storage account must set allowSharedKeyAccess: false, is true"),
                Arguments.of("a setting Flex Consumption rejects is added",
                        "app/function-app.bicep", "  JAVA_ENABLE_SDK_TYPES: 'true'\n",
                        "  JAVA_ENABLE_SDK_TYPES: 'true'\n  FUNCTIONS_WORKER_RUNTIME: 'java'\n",
                        "app setting FUNCTIONS_WORKER_RUNTIME must not be set"),
                Arguments.of("the Arrow JVM option is dropped",
                        "app/function-app.bicep", "'--add-opens=java.base/java.nio=ALL-UNNAMED'", "''",
                        "languageWorkers__java__arguments must contain the build's JVM options"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drifts")
    void driftIsReported(String drift, String file, String target, String replacement, String expectedProblem) {
        List<String> problems = InfraDriftChecker.check(templates.replacing(file, target, replacement), code);

        assertThat(problems).as(drift).anySatisfy(problem -> assertThat(problem).contains(expectedProblem));
    }

    @Test
    void aRequiredSettingSetOnlyUnderAConditionIsReported() {
        BicepTemplates drifted = templates
                .replacing("app/function-app.bicep", "  ZENDESK_CSR_FIELD: zendeskCsrField\n", "")
                .replacing("app/function-app.bicep", "  ZENDESK_CATEGORY_FIELD_ID: zendeskCategoryFieldId\n",
                        "  ZENDESK_CATEGORY_FIELD_ID: zendeskCategoryFieldId\n  ZENDESK_CSR_FIELD: zendeskCsrField\n");

        assertThat(InfraDriftChecker.check(drifted, code))
                .containsExactly("app setting ZENDESK_CSR_FIELD (Settings.DEPLOYED) is only set under a condition");
    }

    @Test
    void aTriggerOnAnotherSettingIsReported() {
        CodeFacts moved = code.withBlobTrigger(new CodeFacts.BlobTriggerBinding(
                "ingestLandingBlob", "%INBOX_CONTAINER%/{name}", "LandingStorage", "EventGrid"));

        assertThat(InfraDriftChecker.check(templates, moved))
                .containsExactly("app setting INBOX_CONTAINER (blob trigger path %INBOX_CONTAINER%/{name}) is not set");
    }

    @Test
    void aTriggerOnAnotherConnectionIsReported() {
        CodeFacts moved = code.withBlobTrigger(new CodeFacts.BlobTriggerBinding(
                "ingestLandingBlob", "%LANDING_CONTAINER%/{name}", "LakeStorage", "EventGrid"));

        assertThat(InfraDriftChecker.check(templates, moved)).containsExactly(
                "app setting LakeStorage__blobServiceUri (blob trigger connection) is not set",
                "app setting LakeStorage__queueServiceUri (blob trigger connection) is not set",
                "app setting LakeStorage__credential must be 'managedidentity', is (not set)");
    }

    /** measures311.repoRoot when the build sets it, else the nearest directory above with infra/main.bicep. */
    static Path repoRoot() {
        String configured = System.getProperty("measures311.repoRoot");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("infra/main.bicep"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no infra/main.bicep above " + Path.of("").toAbsolutePath());
    }
}
