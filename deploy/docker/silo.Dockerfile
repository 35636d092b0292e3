# A silo. Build from the repository root (docker-compose.yml does):
#   docker build -f deploy/docker/silo.Dockerfile -t music-clustering/silo:cpu .
#   docker build -f deploy/docker/silo.Dockerfile --build-arg TorchBackend=cuda -t music-clustering/silo:cuda .
# TorchBackend=cuda references the CUDA libtorch package, which carries CUDA and cuDNN (deploy/gpu/README.md); the
# host needs the NVIDIA driver and the NVIDIA Container Toolkit.
ARG TorchBackend=cpu

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
ARG TorchBackend
WORKDIR /src
COPY . .
RUN dotnet publish src/Silo/Silo.csproj -c Release -r linux-x64 --self-contained false \
      -p:TorchBackend=${TorchBackend} -o /app

# Ubuntu 24.04 (noble): its libstdc++ has GLIBCXX_3.4.32, so TorchSharp's native library loads unpatched.
# The ASP.NET Core runtime, because the silo serves the Orleans Dashboard.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble
WORKDIR /app
COPY --from=build /app .
ENV Cluster__SiloPort=11111 \
    Cluster__GatewayPort=30000 \
    Telemetry__PrometheusPort=9464 \
    Telemetry__PrometheusHost=* \
    Telemetry__Dashboard__Port=8080 \
    Telemetry__Dashboard__Host=0.0.0.0 \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
EXPOSE 11111 30000 9464 8080
ENTRYPOINT ["dotnet", "MusicClustering.Silo.dll"]
