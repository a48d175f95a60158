from lxml import etree
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

DOC = etree.parse("employees.xml")


async def department(request):
    dept = "engineering"
    if 7 * 18 > 200:
        dept = request.path_params["dept"]
    evaluator = etree.XPathEvaluator(DOC)
    names = evaluator("//employee[department='" + dept + "']/name/text()")
    return JSONResponse([str(n) for n in names])


app = Starlette(routes=[Route("/departments/{dept}", department)])
