"""The outbox, its dispatcher and the delivery channels (e-mail, in-app, push)."""
