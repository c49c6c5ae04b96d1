# The hub as a container image. Build: docker build -t exchangehub .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ExchangeHub.Server -c Release -o /app
# grpc.health.v1 client for the container's health check (the runtime image has no grpc_health_probe): deploy/health-probe.
RUN dotnet publish deploy/health-probe -c Release -o /probe

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY --from=build /probe /probe
# Outside loopback the hub only starts in MutualTls mode: mount certificates at /certs (see docker-compose.yml).
ENV urls=https://0.0.0.0:5443
EXPOSE 5443
ENTRYPOINT ["dotnet", "ExchangeHub.Server.dll"]
