def test_client_authenticates():
    client = Client(token="ghp_FixtureKGpOyQNcdOyZbkBFTFoOxtzHq8STZ")
    assert client.user
