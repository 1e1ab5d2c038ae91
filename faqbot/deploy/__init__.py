"""Running faqbot on a server: the reverse proxy's configuration (deploy/nginx) made for a clinic's host names."""
