package io.github.hfcontacts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.contract.prism.PrismMockExtension;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Item 3 of the contract: with {@code Prefer: dynamic=true} Prism answers every request with a
 * response generated from the response schema (random values, optional properties left out or
 * present, nullable values null, extra properties added). Every GET and POST operation of the
 * document is called {@value #DEFAULT_CALLS} times (system property
 * {@code contract.dynamicCalls}) through the generated interfaces; every answer must be accepted
 * and parse into the generated type of the schema. This catches generated models that are stricter
 * than the document (a required getter, a closed enum, a number type too small, a null not
 * accepted in a list).
 */
class DynamicResponsesContractTest {

    static final int DEFAULT_CALLS = 20;

    @RegisterExtension
    static final PrismMockExtension PRISM = PrismMockExtension.forProjectSpec();

    @TestFactory
    Stream<DynamicTest> everyOperationParsesGeneratedResponses() {
        int calls = Integer.getInteger("contract.dynamicCalls", DEFAULT_CALLS);
        assertThat(calls).isPositive();
        List<ContractSpec.Operation> operations = ContractSpec.operations();
        assertThat(operations).isNotEmpty();
        return operations.stream()
                .filter(op -> op.method().equals("GET") || op.method().equals("POST"))
                .map(op -> DynamicTest.dynamicTest(op + " x" + calls, () -> callRepeatedly(op, calls)));
    }

    private static void callRepeatedly(ContractSpec.Operation op, int calls) {
        String schema = ContractSpec.successSchema(op);
        List<Integer> statuses = ContractSpec.successStatuses(op);
        GeneratedApi api = GeneratedApi.against(PRISM.mock(), "dynamic=true");
        Set<String> bodies = new HashSet<>();
        for (int i = 1; i <= calls; i++) {
            retrofit2.Response<?> response = api.execute(ValidRequests.call(op.operationId(), api));
            GeneratedApi.Exchange exchange = api.last();
            assertThat(statuses).as("call %d of %d: status of %s", i, calls, exchange).contains(response.code());
            assertThat(exchange.violations()).as("call %d of %d: violations in %s", i, calls, exchange).isNull();
            bodies.add(exchange.responseBody());
            try {
                ModelTypes.assertOfType(response.body(), schema);
            } catch (AssertionError e) {
                throw new AssertionError("call " + i + " of " + calls + ": " + e.getMessage() + " in " + exchange, e);
            }
        }
        assertThat(api.requestCount()).isEqualTo(calls);
        if (calls > 1) {
            // random values: identical answers would mean Prism served a static example instead
            assertThat(bodies).as("distinct generated bodies").hasSizeGreaterThan(1);
        }
    }
}
