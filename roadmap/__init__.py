"""The ML Engineer Roadmap: data model, validation and rendering of the roadmap site."""
