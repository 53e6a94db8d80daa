// How an auto-recharge is paid. The default method only records the top-up in
// the ledger; a real card processor implements the same interface.
export interface PaymentMethod {
  name: string;
  /** Charge amountMicros; resolve with a reference to note in the ledger, or throw when the charge fails. */
  charge(organizationId: string, amountMicros: bigint): Promise<{ reference: string }>;
}

export const ledgerPaymentMethod: PaymentMethod = {
  name: "ledger",
  async charge() {
    return { reference: "recorded in ledger (no external processor configured)" };
  },
};

const paymentMethods = new Map<string, PaymentMethod>([[ledgerPaymentMethod.name, ledgerPaymentMethod]]);

export function registerPaymentMethod(method: PaymentMethod): void {
  paymentMethods.set(method.name, method);
}

export function paymentMethod(name: string): PaymentMethod {
  return paymentMethods.get(name) ?? ledgerPaymentMethod;
}
