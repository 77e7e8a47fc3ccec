/// Reference data for the image corrector: misspellings seen in the wild and the images most
/// clusters pull from Docker Hub.
enum KnownImages {
    /// Repository misspellings and what was meant.
    static let repositoryTypos: [String: String] = [
        "ngnix": "nginx", "nignx": "nginx", "ngix": "nginx", "nginix": "nginx", "nginxx": "nginx",
        "apline": "alpine", "alpline": "alpine", "alpin": "alpine", "aline": "alpine",
        "ubunut": "ubuntu", "ubunto": "ubuntu", "ubuntoo": "ubuntu", "unbuntu": "ubuntu",
        "postgress": "postgres", "postgre": "postgres", "postgresql": "postgres", "postgers": "postgres",
        "rediss": "redis", "reddis": "redis", "redsi": "redis",
        "myslq": "mysql", "mysq": "mysql", "msyql": "mysql",
        "busybx": "busybox", "busybxo": "busybox", "bussybox": "busybox",
        "pyhton": "python", "pytohn": "python", "pythn": "python",
        "ndoe": "node", "nodejs": "node",
        "golnag": "golang", "goalng": "golang",
        "debain": "debian", "debina": "debian",
        "mongodb": "mongo", "mogno": "mongo",
        "rabitmq": "rabbitmq", "rabbitqm": "rabbitmq",
        "memchached": "memcached", "memcache": "memcached",
        "elasticserach": "elasticsearch", "elastisearch": "elasticsearch",
    ]

    /// Tag misspellings and what was meant.
    static let tagTypos: [String: String] = [
        "latst": "latest", "lastest": "latest", "latets": "latest", "lates": "latest", "latset": "latest",
        "lateset": "latest", "latestt": "latest", "laest": "latest", "ltest": "latest", "latesst": "latest",
        "stabel": "stable", "stalbe": "stable", "mainline": "mainline", "slimm": "slim", "alpnie": "alpine",
    ]

    /// Docker Hub official images and a few popular namespaced ones.
    static let wellKnownRepositories: [String] = [
        "nginx", "alpine", "ubuntu", "debian", "busybox", "redis", "postgres", "mysql", "mariadb", "mongo",
        "python", "node", "golang", "openjdk", "eclipse-temurin", "amazoncorretto", "httpd", "traefik",
        "haproxy", "memcached", "rabbitmq", "elasticsearch", "kibana", "logstash", "centos", "fedora",
        "rockylinux", "almalinux", "amazonlinux", "php", "ruby", "perl", "rust", "gcc", "wordpress", "ghost",
        "tomcat", "registry", "caddy", "influxdb", "telegraf", "nats", "zookeeper", "cassandra", "couchdb",
        "neo4j", "sonarqube", "nextcloud", "adminer", "bash", "docker", "swift", "consul", "vault", "eclipse-mosquitto",
        "grafana/grafana", "prom/prometheus", "prom/alertmanager", "prom/node-exporter", "curlimages/curl",
        "bitnami/kubectl", "jenkins/jenkins", "hashicorp/vault", "hashicorp/consul", "minio/minio",
        "polinux/stress",
    ]
}
