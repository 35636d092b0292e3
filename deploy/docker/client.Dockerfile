# The `cluster` console. Build from the repository root:
#   docker build -f deploy/docker/client.Dockerfile -t music-clustering/client .
#   docker run --rm -e CLUSTER_GATEWAY=10.0.0.11:30000 -e Storage__ConnectionString=... music-clustering/client submit --dataset demo --wait
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Client/Client.csproj -c Release -r linux-x64 --self-contained false -o /app

# Ubuntu 24.04 (noble) for GLIBCXX_3.4.32 (the embedded mode can train); ASP.NET Core because the client references the silo.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble
WORKDIR /app
COPY --from=build /app .
ENTRYPOINT ["dotnet", "cluster.dll"]
