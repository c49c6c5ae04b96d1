# The hub as a container image. Build: docker build -t exchangehub .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ExchangeHub.Server -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Outside loopback the hub only starts in MutualTls mode: mount certificates at /certs (see docker-compose.yml).
ENV urls=https://0.0.0.0:5443
EXPOSE 5443
ENTRYPOINT ["dotnet", "ExchangeHub.Server.dll"]
