# PricerWeb in a container (not built on the project's machines: no Docker engine runs there).
#   docker build -t pricerweb .
#   docker run -p 8080:8080 -v pricer-data:/data pricerweb
# GPU hosts: docker build --build-arg TORCH_BACKEND=cuda -t pricerweb:cuda . and run with --gpus all.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TORCH_BACKEND=cpu
WORKDIR /src

# global.json is left out on purpose: it pins a feature band the image's SDK may not have.
COPY Directory.Build.props Directory.Build.targets Directory.Packages.props nuget.config ./
COPY build/ build/
COPY src/Pricer.Core/Pricer.Core.csproj src/Pricer.Core/
COPY src/Pricer.Data/Pricer.Data.csproj src/Pricer.Data/
COPY src/PricerWeb/PricerWeb.csproj src/PricerWeb/
RUN dotnet restore src/PricerWeb/PricerWeb.csproj -p:TorchBackend=$TORCH_BACKEND

COPY src/ src/
COPY appsettings.json ./
COPY wwwroot/ wwwroot/
RUN dotnet publish src/PricerWeb/PricerWeb.csproj -c Release --no-restore -p:TorchBackend=$TORCH_BACKEND -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# The publish folder holds appsettings.json and wwwroot/, so it is the content root.
ENV PRICER_CONTENT_ROOT=/app \
    Storage__DataDirectory=/data \
    ASPNETCORE_HTTP_PORTS=8080
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "PricerWeb.dll"]
