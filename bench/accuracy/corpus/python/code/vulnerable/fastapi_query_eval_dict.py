from fastapi import FastAPI

app = FastAPI()
RATES = {"EUR": 1.0, "USD": 1.08, "GBP": 0.86}


@app.get("/convert")
def convert(amount: str, currency: str = "USD"):
    request_data = {"amount": amount}
    parsed = eval(request_data["amount"])
    return {"converted": parsed * RATES.get(currency, 1.0)}
