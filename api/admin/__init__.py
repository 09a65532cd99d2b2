"""The admin console (role ``admin``): catalogue editing and publishing, the inbox of what the bot
misunderstood, training data, retraining, evaluation, and activating or rolling back models."""
