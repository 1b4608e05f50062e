/**
 * Studies built on {@code sim}: mitigation comparisons on common random numbers, criticality of
 * assets and worst-case search. Imports {@code model}, {@code network}, {@code sim}, {@code impact}
 * and {@code stats}.
 */
package org.corridorrisk.study;
