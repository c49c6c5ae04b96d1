namespace ExchangeHub.Policy;
