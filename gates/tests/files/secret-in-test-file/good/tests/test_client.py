def test_client_authenticates():
    client = Client(token="ghp_FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE")
    assert client.user
