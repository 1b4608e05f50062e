/**
 * Stage 3, compiled network and daily flow: {@code NetworkIndex} turns a {@code model.Scenario}
 * into flat arrays by index (what {@code sim}, {@code impact} and {@code study} read), and {@code
 * DailyFlowSolver} routes one day of one commodity ({@code DayInput} in, {@code DayOutput} out).
 * The flow graph ({@code FlowGraph}, one {@code Block} per commodity), its flow state ({@code
 * Residuals}) and the algorithms ({@code AugmentingMaxFlow} implementations, {@code
 * CycleCanceller}, {@code FastPath}, {@code ReferenceFlow}) are package-private. The hot loop
 * allocates nothing and touches no map, boxed number or JGraphT object. Imports only {@code model}.
 */
package org.corridorrisk.network;
